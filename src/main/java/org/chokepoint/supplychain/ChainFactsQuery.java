package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.chokepoint.supplychain.ChainComputation.BuyerSplit;
import org.chokepoint.supplychain.ChainComputation.ItemFacts;
import org.chokepoint.supplychain.ChainComputation.Split;
import org.chokepoint.supplychain.ChainComputation.StageFacts;
import org.chokepoint.database.CypherFile;
import org.chokepoint.supplymix.Sourcing;
import org.neo4j.driver.Record;
import org.neo4j.driver.Value;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Runs {@code cypher/queries/chain-facts.cypher}: the items below a product with the
 * facts chosen for them. An item's facts do not depend on the consumer nor the product,
 * so they are kept per data version and year (the
 * {@value CachingConfiguration#CHAIN_FACTS} cache) and fetched once: the items already
 * held are passed as {@code $skip}, and the query returns only their inputs.
 */
@Component
class ChainFactsQuery {

	private static final String FACTS = CypherFile.load("chain-facts");

	private final Neo4jClient client;

	private final DataVersion version;

	private final Cache held;

	ChainFactsQuery(Neo4jClient client, DataVersion version, CacheManager caches) {
		this.client = client;
		this.version = version;
		this.held = caches.getCache(CachingConfiguration.CHAIN_FACTS);
	}

	private record Row(String item, boolean product, List<String> inputs, ItemFacts facts) {
	}

	/**
	 * The key of an item's facts in the cache: the buyers' mixes of {@code sourcing} are
	 * in them.
	 */
	private record Key(String version, int year, Sourcing sourcing, String item) {
	}

	/**
	 * Every item below {@code product} (itself included) by id, with the buyers' mixes of
	 * {@code sourcing}; empty when there is no such product.
	 */
	Map<String, ChainCalculator.Item> load(String product, int year, Sourcing sourcing) {
		String version = this.version.current();
		Map<String, Object> held = held(version, year, sourcing);
		Map<String, String> codes = new HashMap<>();
		List<Row> rows = List.copyOf(this.client.query(FACTS)
			.bindAll(
					Map.of("products", List.of(product), "year", year, "sourcing", sourcing.word(), "skip", skip(held)))
			.fetchAs(Row.class)
			.mappedBy((types, record) -> row(record, held.containsKey(record.get("item").asString()), codes))
			.all());
		Map<String, ChainCalculator.Item> items = new LinkedHashMap<>();
		for (Row row : rows) {
			ItemFacts facts = row.facts();
			if (facts == null) {
				facts = (ItemFacts) held.get(row.item());
			}
			else {
				this.held.put(new Key(version, year, sourcing, row.item()), facts);
			}
			items.put(row.item(), new ChainCalculator.Item(row.item(), row.product(), row.inputs(), facts));
		}
		return items;
	}

	/** One row; the facts are null when the item's facts are held already. */
	private static Row row(Record record, boolean held, Map<String, String> codes) {
		String item = record.get("item").asString();
		boolean product = record.get("product").asBoolean();
		List<String> inputs = record.get("inputs").asList(Value::asString);
		if (held) {
			return new Row(item, product, inputs, null);
		}
		Map<Stage, List<BuyerSplit>> sourcing = new HashMap<>();
		for (Value own : record.get("sourcing").values()) {
			sourcing.computeIfAbsent(Stage.valueOf(own.get("stage").asString()), k -> new ArrayList<>())
				.add(new BuyerSplit(code(own.get("buyer").asString(), codes),
						splits(own.get("suppliers").asString(), own.get("shares"), codes), own.get("year").asLong(),
						own.get("source").asString(), own.get("kind").isNull() ? null : own.get("kind").asString()));
		}
		Map<Stage, Value> global = new HashMap<>();
		for (Value g : record.get("global").values()) {
			global.put(Stage.valueOf(g.get("stage").asString()), g);
		}
		List<StageFacts> stages = new ArrayList<>();
		for (Stage stage : product ? List.of(Stage.MANUFACTURING) : List.of(Stage.REFINING, Stage.MINING)) {
			Value g = global.get(stage);
			List<BuyerSplit> own = sourcing.getOrDefault(stage, List.of());
			if (g == null && own.isEmpty()) {
				continue; // a gap
			}
			stages.add(new StageFacts(stage, g == null ? List.of() : splits(g.get("countries"), g.get("shares"), codes),
					g == null ? null : g.get("year").asLong(), g == null ? null : g.get("source").asString(),
					List.copyOf(own)));
		}
		return new Row(item, product, inputs, new ItemFacts(item, List.copyOf(stages)));
	}

	private static List<Split> splits(Value countries, Value shares, Map<String, String> codes) {
		int size = countries.size();
		Split[] splits = new Split[size];
		for (int i = 0; i < size; i++) {
			splits[i] = new Split(code(countries.get(i).asString(), codes), shares.get(i).asDouble());
		}
		return List.of(splits);
	}

	/**
	 * A buyer's split: its suppliers' codes comma-separated, their shares in the same
	 * order.
	 */
	private static List<Split> splits(String suppliers, Value shares, Map<String, String> codes) {
		int size = shares.size();
		Split[] splits = new Split[size];
		int from = 0;
		for (int i = 0; i < size; i++) {
			int to = suppliers.indexOf(',', from);
			String code = suppliers.substring(from, to < 0 ? suppliers.length() : to);
			splits[i] = new Split(code(code, codes), shares.get(i).asDouble());
			from = to + 1;
		}
		return List.of(splits);
	}

	/**
	 * The facts held for {@code year} at {@code version}, by item id: a look at every
	 * entry, since which items lie below a product is what the query is about to find
	 * out.
	 */
	private Map<String, Object> held(String version, int year, Sourcing sourcing) {
		Map<String, Object> held = new HashMap<>();
		@SuppressWarnings("unchecked")
		com.github.benmanes.caffeine.cache.Cache<Object, Object> entries = (com.github.benmanes.caffeine.cache.Cache<Object, Object>) this.held
			.getNativeCache();
		entries.asMap().forEach((key, value) -> {
			if (key instanceof Key k && k.version().equals(version) && k.year() == year && k.sourcing() == sourcing) {
				held.put(k.item(), value);
			}
		});
		return held;
	}

	/** The items held, as the keys of a map (see chain-facts.cypher). */
	private static Map<String, Object> skip(Map<String, Object> held) {
		Map<String, Object> skip = new HashMap<>();
		held.keySet().forEach(item -> skip.put(item, true));
		return skip;
	}

	/**
	 * One String per code: a chain names the same few hundred codes hundreds of thousands
	 * of times.
	 */
	private static String code(String code, Map<String, String> codes) {
		String known = codes.putIfAbsent(code, code);
		return known == null ? code : known;
	}

}
