package org.chokepoint.lookup;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.chokepoint.web.NotFoundException;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The key indexes of the graph, read once and kept until an import: this instance's, or
 * another's once seen ({@link KeptUntilImport}). A key that matches nothing rereads its
 * index once (another instance may have imported it, not yet seen) before it is a 404
 * with suggestions.
 */
@Component
class Indexes extends KeptUntilImport {

	/** What an index holds: a query returning {@code key} and {@code name}. */
	enum Kind {

		PARTY("country or bloc", "MATCH (n:Party) RETURN n.code AS key, n.name AS name"),

		COUNTRY("country", "MATCH (n:Country) RETURN n.iso3 AS key, n.name AS name"),

		PRODUCT("product", "MATCH (n:Product) RETURN n.id AS key, n.name AS name"),

		MINERAL("mineral", "MATCH (n:Mineral) RETURN n.id AS key, n.name AS name");

		final String words;

		final String query;

		Kind(String words, String query) {
			this.words = words;
			this.query = query;
		}

	}

	private final Neo4jClient client;

	private final Map<Kind, KeyIndex> indexes = new ConcurrentHashMap<>();

	Indexes(Neo4jClient client) {
		this.client = client;
	}

	/** The key the given one names; a 404 suggesting close keys if none. */
	String resolve(Kind kind, String given) {
		Optional<String> key = index(kind).resolve(given);
		if (key.isEmpty()) {
			this.indexes.remove(kind);
			key = index(kind).resolve(given);
		}
		return key.orElseThrow(() -> new NotFoundException(kind.words, given, index(kind).suggestions(given)));
	}

	private KeyIndex index(Kind kind) {
		KeyIndex index = this.indexes.get(kind);
		if (index == null) {
			long generation = generation();
			index = read(kind);
			KeyIndex read = index;
			keep(generation, () -> this.indexes.put(kind, read));
		}
		return index;
	}

	private KeyIndex read(Kind kind) {
		Map<String, String> names = new LinkedHashMap<>();
		for (Map<String, Object> row : this.client.query(kind.query).fetch().all()) {
			if (row.get("key") != null) {
				names.put((String) row.get("key"), (String) row.get("name"));
			}
		}
		return new KeyIndex(names);
	}

	@Override
	protected void clear() {
		this.indexes.clear();
	}

	/** For tests: the kinds read so far. */
	List<Kind> read() {
		return List.copyOf(this.indexes.keySet());
	}

}
