package org.chokepoint.supplychain;

import java.util.List;
import java.util.Map;

import org.chokepoint.database.CypherFile;
import org.chokepoint.database.TransactionMemoryLimit;
import org.chokepoint.supplychain.ChainComputation.BuyerSplit;
import org.chokepoint.supplychain.ChainComputation.Gap;
import org.chokepoint.supplychain.ChainComputation.InputChain;
import org.chokepoint.supplychain.ChainComputation.ItemFacts;
import org.chokepoint.supplychain.ChainComputation.PositionStages;
import org.chokepoint.supplychain.ChainComputation.Split;
import org.chokepoint.supplychain.ChainComputation.StageFacts;
import org.chokepoint.supplychain.ChainComputation.StageResult;
import org.chokepoint.supplychain.ChainComputation.SupplierWeight;
import org.chokepoint.supplymix.Sourcing;

import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

/**
 * Runs {@code cypher/queries/chain.cypher} (the Browser file) and reads its rows as
 * {@link ChainComputation}s: the {@code engine=cypher} of the chain, exposure and SPOF
 * endpoints, and the reference the parity tests hold {@link ChainQuery} to.
 */
@Component
class ChainCypher {

	private static final String CHAIN = CypherFile.load("chain");

	private final Neo4jClient client;

	ChainCypher(Neo4jClient client) {
		this.client = client;
	}

	/**
	 * The chain of {@code product} for {@code consumer} in {@code year} on
	 * {@code sourcing}, under the given cuts; null when there is no such product.
	 */
	ChainComputation run(String product, String consumer, int year, Sourcing sourcing, List<Cut> cuts) {
		return query(List.of(product), consumer, year, sourcing, cuts).get(product);
	}

	/**
	 * Every product's chain for {@code consumer} in {@code year}, under the given cuts
	 * ($products null).
	 */
	Map<String, ChainComputation> runAll(String consumer, int year, List<Cut> cuts) {
		return runAll(consumer, year, Sourcing.TRACED, cuts);
	}

	/**
	 * Every product's chain for {@code consumer} in {@code year} on {@code sourcing},
	 * under the given cuts.
	 */
	Map<String, ChainComputation> runAll(String consumer, int year, Sourcing sourcing, List<Cut> cuts) {
		return query(null, consumer, year, sourcing, cuts);
	}

	private Map<String, ChainComputation> query(List<String> products, String consumer, int year, Sourcing sourcing,
			List<Cut> cuts) {
		Map<String, Object> parameters = new java.util.HashMap<>();
		parameters.put("sourcing", sourcing.word());
		parameters.put("products", products);
		parameters.put("consumer", consumer);
		parameters.put("year", year);
		parameters.put("threshold", Double.parseDouble(ParameterRules.DEFAULT_THRESHOLD));
		parameters.put("cuts", cuts.stream().map(Cut::asParameter).toList());
		Map<String, ChainComputation> chains = new java.util.LinkedHashMap<>();
		try {
			this.client.query(CHAIN)
				.bindAll(parameters)
				.fetch()
				.all()
				.forEach(row -> chains.put((String) row.get("product"), computation(row)));
		}
		catch (RuntimeException ex) {
			if (TransactionMemoryLimit.reached(ex)) {
				throw tooMuchMemory(ex);
			}
			throw ex;
		}
		return chains;
	}

	/**
	 * A 422 for chain.cypher needing more memory than one transaction may use: it holds
	 * every buyer's supply mix of the chain's items at once (at the benchmark's M tier,
	 * 20,000 mixes of about 200 suppliers each), while the projection computes the same
	 * figures from the facts in memory.
	 */
	private static ErrorResponseException tooMuchMemory(RuntimeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"chain.cypher (engine=cypher) needed more memory than one transaction may use ("
						+ TransactionMemoryLimit.SETTING + ", 256MB by default; Neo4j's db.memory.transaction.max"
						+ " on an external server): it holds every buyer's supply mix of the chain's items at once."
						+ " engine=projection (the default) gives the same figures from the chain facts held in"
						+ " memory; or raise the limit.");
		problem.setTitle("Query needs too much memory");
		problem.setProperty("limit", TransactionMemoryLimit.SETTING);
		problem.setProperty("engine", ChainEngine.CYPHER.word());
		return new ErrorResponseException(HttpStatus.UNPROCESSABLE_CONTENT, problem, ex);
	}

	private static ChainComputation computation(Map<String, Object> row) {
		return new ChainComputation(number(row.get("chinaExposure")), number(row.get("unknownShare")),
				number(row.get("chinaFreeShare")), number(row.get("remainingSupply")), (String) row.get("worstInput"),
				list(row.get("inputs")).stream().map(ChainCypher::input).toList(),
				list(row.get("stages")).stream().map(ChainCypher::position).toList(),
				list(row.get("gaps")).stream()
					.map(g -> new Gap((String) g.get("item"), stage(g.get("stage")), (String) g.get("buyer"),
							number(g.get("weight"))))
					.toList(),
				list(row.get("facts")).stream().map(ChainCypher::itemFacts).toList());
	}

	private static InputChain input(Map<String, Object> map) {
		return new InputChain((String) map.get("item"), strings(map.get("position")), number(map.get("chinaExposure")),
				number(map.get("unknownShare")), number(map.get("chinaFreeShare")), number(map.get("remainingSupply")));
	}

	private static PositionStages position(Map<String, Object> map) {
		return new PositionStages(strings(map.get("position")),
				list(map.get("stages")).stream()
					.map(s -> new StageResult(stage(s.get("stage")), number(s.get("weightIn")),
							number(s.get("unknown")), number(s.get("hhi")), (String) s.get("basis"),
							list(s.get("suppliers")).stream()
								.map(x -> new SupplierWeight((String) x.get("country"), number(x.get("share")),
										number(x.get("china"))))
								.toList(),
							s.get("ownBuyers") == null ? List.of() : strings(s.get("ownBuyers"))))
					.toList());
	}

	private static ItemFacts itemFacts(Map<String, Object> map) {
		return new ItemFacts((String) map.get("id"),
				list(map.get("stages")).stream()
					.map(s -> new StageFacts(stage(s.get("stage")), splits(s.get("global")), (Long) s.get("globalYear"),
							(String) s.get("globalSource"),
							list(s.get("sourcing")).stream()
								.map(b -> new BuyerSplit((String) b.get("buyer"), splits(b.get("split")),
										(Long) b.get("year"), (String) b.get("source"), (String) b.get("kind")))
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
