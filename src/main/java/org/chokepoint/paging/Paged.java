package org.chokepoint.paging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * One page of a list, as every list endpoint answers it.
 *
 * @param items the items of this page, in the list's order
 * @param page the 0-based page number asked for
 * @param size the page size asked for
 * @param total how many items the whole list has
 * @param <T> the item type
 */
public record Paged<T>(List<T> items, int page, int size, long total) {

	public Paged {
		items = List.copyOf(items);
	}

	/**
	 * Runs a paged query: it gets {@code $skip} and {@code $limit} besides the given
	 * parameters and returns two columns, {@code total} (the size of the whole list) and
	 * {@code items} (the page, a list of maps whose keys are the components of
	 * {@code type}).
	 */
	public static <T> Paged<T> fetch(Neo4jClient client, String cypher, Map<String, Object> parameters, Paging paging,
			Class<T> type) {
		Map<String, Object> all = new HashMap<>(parameters);
		all.putAll(paging.parameters());
		@SuppressWarnings("unchecked")
		Class<Paged<T>> pagedType = (Class<Paged<T>>) (Class<?>) Paged.class;
		return client.query(cypher)
			.bindAll(all)
			.fetchAs(pagedType)
			.mappedBy((types, row) -> new Paged<>(row.get("items").asList(item -> item.as(type)), paging.page(),
					paging.size(), row.get("total").asLong()))
			.one()
			.orElseThrow();
	}

}
