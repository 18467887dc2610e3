package org.chokepoint.supplychain;

import java.util.List;
import java.util.Map;

import org.chokepoint.supplychain.ChainComputation.BuyerSplit;
import org.chokepoint.supplychain.ChainComputation.Gap;
import org.chokepoint.supplychain.ChainComputation.InputChain;
import org.chokepoint.supplychain.ChainComputation.ItemFacts;
import org.chokepoint.supplychain.ChainComputation.PositionStages;
import org.chokepoint.supplychain.ChainComputation.Split;
import org.chokepoint.supplychain.ChainComputation.StageFacts;
import org.chokepoint.supplychain.ChainComputation.StageResult;
import org.chokepoint.supplychain.ChainComputation.SupplierWeight;
import org.chokepoint.system.CypherFile;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/** Runs {@code cypher/queries/chain.cypher} and reads its one row. */
@Component
class ChainQuery {

	private static final String CHAIN = CypherFile.load("chain");

	private final Neo4jClient client;

	private final AnalysisCache cache;

	ChainQuery(Neo4jClient client, AnalysisCache cache) {
		this.client = client;
		this.cache = cache;
	}

	/** The chain of {@code product} for {@code consumer} in {@code year}, under the given cuts (none: as is). */
	ChainComputation run(String product, String consumer, int year, List<Cut> cuts) {
		return this.cache.get(List.of("chain", product, consumer, year, cuts), () -> runUncached(product, consumer, year, cuts));
	}

	private ChainComputation runUncached(String product, String consumer, int year, List<Cut> cuts) {
		Map<String, Object> row = this.client.query(CHAIN)
			// one product; its chokepoints column is not read here (ChainReport ranks them with alternatives)
			.bindAll(Map.of("products", List.of(product), "consumer", consumer, "year", year, "threshold",
					AnalysisParameters.DEFAULT_THRESHOLD, "cuts", cuts.stream().map(Cut::asParameter).toList()))
			.fetch()
			.one()
			.orElseThrow(() -> new IllegalStateException("chain.cypher returned no row for " + product + "/" + consumer
					+ " in " + year + " with cuts " + cuts.stream().map(Cut::asParameter).toList()));
		return new ChainComputation(number(row.get("chinaExposure")), number(row.get("unknownShare")),
				number(row.get("chinaFreeShare")), number(row.get("remainingSupply")),
				(String) row.get("worstInput"), list(row.get("inputs")).stream().map(ChainQuery::input).toList(),
				list(row.get("stages")).stream().map(ChainQuery::position).toList(),
				list(row.get("gaps")).stream().map(g -> new Gap((String) g.get("item"), stage(g.get("stage")))).toList(),
				list(row.get("facts")).stream().map(ChainQuery::itemFacts).toList());
	}

	private static InputChain input(Map<String, Object> map) {
		return new InputChain((String) map.get("item"), strings(map.get("position")), number(map.get("chinaExposure")),
				number(map.get("unknownShare")), number(map.get("chinaFreeShare")), number(map.get("remainingSupply")));
	}

	private static PositionStages position(Map<String, Object> map) {
		return new PositionStages(strings(map.get("position")), list(map.get("stages")).stream()
			.map(s -> new StageResult(stage(s.get("stage")), number(s.get("weightIn")), number(s.get("unknown")),
					number(s.get("hhi")), (String) s.get("basis"),
					list(s.get("suppliers")).stream()
						.map(x -> new SupplierWeight((String) x.get("country"), number(x.get("share")),
								number(x.get("china"))))
						.toList()))
			.toList());
	}

	private static ItemFacts itemFacts(Map<String, Object> map) {
		return new ItemFacts((String) map.get("id"), list(map.get("stages")).stream()
			.map(s -> new StageFacts(stage(s.get("stage")), splits(s.get("global")), (Long) s.get("globalYear"),
					(String) s.get("globalSource"),
					list(s.get("sourcing")).stream()
						.map(b -> new BuyerSplit((String) b.get("buyer"), splits(b.get("split")), (Long) b.get("year"),
								(String) b.get("source")))
						.toList()))
			.toList());
	}

	@SuppressWarnings("unchecked")
	private static List<Split> splits(Object value) {
		return ((List<List<Object>>) value).stream()
			.map(pair -> new Split((String) pair.get(0), ((Number) pair.get(1)).doubleValue()))
			.toList();
	}

	private static Stage stage(Object value) {
		return Stage.valueOf((String) value);
	}

	private static Double number(Object value) {
		return value == null ? null : ((Number) value).doubleValue();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> list(Object value) {
		return value == null ? List.of() : (List<Map<String, Object>>) value;
	}

	@SuppressWarnings("unchecked")
	private static List<String> strings(Object value) {
		return (List<String>) value;
	}

}
