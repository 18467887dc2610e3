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

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Runs {@code cypher/queries/chain-facts.cypher}: the items below a product with the
 * facts chosen for them. What the chains are computed from before the first
 * {@link ChainProjection} is built (the projection holds the same facts for every year).
 */
@Component
class ChainFactsQuery {

	private static final String FACTS = CypherFile.load("chain-facts");

	private final Neo4jClient client;

	ChainFactsQuery(Neo4jClient client) {
		this.client = client;
	}

	private record Row(String item, boolean product, List<String> inputs, ItemFacts facts) {
	}

	/**
	 * Every item below {@code product} (itself included) by id, with the buyers' mixes of
	 * {@code sourcing}; empty when there is no such product.
	 */
	Map<String, ChainCalculator.Item> load(String product, int year, Sourcing sourcing) {
		Map<String, String> codes = new HashMap<>();
		List<Row> rows = List.copyOf(this.client.query(FACTS)
			.bindAll(Map.of("products", List.of(product), "year", year, "sourcing", sourcing.word(), "skip", Map.of()))
			.fetchAs(Row.class)
			.mappedBy((types, record) -> row(record, codes))
			.all());
		Map<String, ChainCalculator.Item> items = new LinkedHashMap<>();
		for (Row row : rows) {
			items.put(row.item(), new ChainCalculator.Item(row.item(), row.product(), row.inputs(), row.facts()));
		}
		return items;
	}

	private static Row row(Record record, Map<String, String> codes) {
		String item = record.get("item").asString();
		boolean product = record.get("product").asBoolean();
		List<String> inputs = record.get("inputs").asList(Value::asString);
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
	 * One String per code: a chain names the same few hundred codes hundreds of thousands
	 * of times.
	 */
	private static String code(String code, Map<String, String> codes) {
		String known = codes.putIfAbsent(code, code);
		return known == null ? code : known;
	}

}
