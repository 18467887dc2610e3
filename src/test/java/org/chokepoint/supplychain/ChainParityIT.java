package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.chokepoint.ChokepointTest;
import org.chokepoint.importer.ImportService;
import org.chokepoint.supplychain.ChainComputation.BuyerSplit;
import org.chokepoint.supplymix.Sourcing;
import org.chokepoint.supplychain.ChainComputation.InputChain;
import org.chokepoint.supplychain.ChainComputation.ItemFacts;
import org.chokepoint.supplychain.ChainComputation.PositionStages;
import org.chokepoint.supplychain.ChainComputation.Split;
import org.chokepoint.supplychain.ChainComputation.StageFacts;
import org.chokepoint.supplychain.ChainComputation.StageResult;
import org.chokepoint.supplychain.ChainComputation.SupplierWeight;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * The application's chains (chain-facts.cypher computed in Java, {@link ChainQuery})
 * equal those of chain.cypher, the Browser file written independently as one query, on
 * the shipped data and the test fixtures: every product for every country and bloc, as is
 * and under disruptions (a cut of every item by China; cuts by stage, by fraction, of a
 * bloc's members). Every number to 1e-9, every supplier, basis, gap and fact used.
 */
@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class ChainParityIT {

	static final double TOLERANCE = 1e-9;

	static final int YEAR = 2024;

	@Autowired
	ImportService importService;

	@Autowired
	ChainQuery chains;

	@Autowired
	Neo4jClient client;

	/**
	 * The shipped data has over 200 buyers with mixes: chain.cypher for every one of them
	 * would take many minutes, so the consumers an analyst asks about most, a bloc and
	 * the re-exporters of the magnet trade (their mixes differ most between direct and
	 * traced) stand for them.
	 */
	static final List<String> SHIPPED_CONSUMERS = List.of("CHN", "DEU", "EU", "IND", "JPN", "KOR", "PHL", "USA", "VNM");

	@Test
	void equalOnTheShippedData() {
		this.importService.importShipped();
		assertThat(compare(SHIPPED_CONSUMERS)).isGreaterThan(500);
	}

	@Test
	void equalOnTheBasicFixture() {
		this.importService.importDirectory(Path.of("src/test/resources/fixtures/basic"));
		assertThat(compareEverything()).isGreaterThan(10);
	}

	@Test
	void equalOnTheAnalysisFixture() {
		this.importService.importDirectory(Path.of("src/test/resources/fixtures/analysis"));
		assertThat(compareEverything()).isGreaterThan(10);
	}

	/**
	 * Compares every product for every party under each disruption; returns the chains
	 * compared.
	 */
	private int compareEverything() {
		return compare(List.copyOf(
				this.client.query("MATCH (p:Party) RETURN p.code AS code ORDER BY code").fetchAs(String.class).all()));
	}

	/**
	 * Compares every product for the given parties under each disruption; returns the
	 * chains compared.
	 */
	private int compare(List<String> parties) {
		ChainCypher cypher = new ChainCypher(this.client);
		List<String> items = List
			.copyOf(this.client.query("MATCH (i:Item) RETURN i.id AS id ORDER BY id").fetchAs(String.class).all());
		String bloc = this.client
			.query("MATCH (:Country)-[:MEMBER_OF]->(b:Bloc) RETURN b.code AS code ORDER BY code LIMIT 1")
			.fetchAs(String.class)
			.one()
			.orElseThrow();
		List<List<Cut>> disruptions = List.of(List.of(),
				// China stops 70 % of everything to everyone else
				List.of(new Cut("CHN", items, null, List.of(), 0.7)),
				// China stops refining of half the items to a bloc (its members too) and
				// the USA; a second
				// country stops all mining of the other half to everyone, and China to
				// itself too
				List.of(new Cut("CHN", items.subList(0, items.size() / 2), List.of(Stage.REFINING),
						List.of(bloc, "USA"), 1.0),
						new Cut(parties.contains("AUS") ? "AUS" : parties.get(0),
								items.subList(items.size() / 2, items.size()),
								List.of(Stage.MINING, Stage.MANUFACTURING), List.of(), 0.5),
						new Cut("CHN", items, null, List.of("CHN"), 0.25)));
		List<Callable<Integer>> comparisons = new ArrayList<>();
		for (Sourcing sourcing : Sourcing.values()) {
			for (List<Cut> cuts : disruptions) {
				for (String consumer : parties) {
					comparisons.add(() -> compare(cypher, consumer, sourcing, cuts));
				}
			}
		}
		// two at a time: a chain.cypher run keeps one core busy and the test JVM waits
		// for it, so one after another leaves the second core idle
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			int compared = 0;
			for (Future<Integer> comparison : pool.invokeAll(comparisons)) {
				compared += result(comparison);
			}
			return compared;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

	/** Compares every product for one party under one disruption; returns how many. */
	private int compare(ChainCypher cypher, String consumer, Sourcing sourcing, List<Cut> cuts) {
		Map<String, ChainComputation> expected = cypher.runAll(consumer, YEAR, sourcing, cuts);
		assertThat(expected).isNotEmpty();
		for (Map.Entry<String, ChainComputation> e : expected.entrySet()) {
			String where = e.getKey() + " for " + consumer + " (" + sourcing.word() + ") under " + cuts;
			assertEqual(this.chains.run(e.getKey(), consumer, YEAR, sourcing, cuts), e.getValue(), where);
		}
		return expected.size();
	}

	/** A comparison's count, or its failure as thrown (an assertion's message kept). */
	private static int result(Future<Integer> comparison) throws InterruptedException {
		try {
			return comparison.get();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

	static void assertEqual(ChainComputation actual, ChainComputation expected, String where) {
		closeFigures(ChainFigures.of(actual), ChainFigures.of(expected), where + ":");
		close(actual.remainingSupply(), expected.remainingSupply(), where + ": remainingSupply");
		// the worst input: the same (ties go to the smallest leaf item id in both
		// engines), with the figures of one of its positions
		assertThat(actual.worstInput()).as(where + ": worst input").isEqualTo(expected.worstInput());
		assertThat(actual.inputs()).as(where + ": worst input " + actual.worstInput()).anySatisfy(input -> {
			assertThat(input.item()).isEqualTo(actual.worstInput());
			close(input.chinaExposure(), expected.chinaExposure(), where + ": worst input " + actual.worstInput());
		});
		assertThat(byPosition(actual.inputs())).as(where + ": input positions")
			.containsOnlyKeys(byPosition(expected.inputs()).keySet());
		byPosition(expected.inputs()).forEach((position, input) -> {
			InputChain mine = byPosition(actual.inputs()).get(position);
			String at = where + ": input " + position;
			closeFigures(ChainFigures.of(mine), ChainFigures.of(input), at);
			close(mine.remainingSupply(), input.remainingSupply(), at + " remainingSupply");
		});
		Map<String, PositionStages> positions = new TreeMap<>();
		actual.positions().forEach(p -> positions.put(String.join("/", p.position()), p));
		assertThat(positions).as(where + ": positions").hasSameSizeAs(expected.positions());
		for (PositionStages p : expected.positions()) {
			PositionStages mine = positions.get(String.join("/", p.position()));
			assertThat(mine).as(where + ": position " + p.position()).isNotNull();
			assertThat(mine.stages()).extracting(StageResult::stage, StageResult::basis)
				.as(where + ": stages at " + p.position())
				.containsExactlyElementsOf(p.stages()
					.stream()
					.map(s -> org.assertj.core.groups.Tuple.tuple(s.stage(), s.basis()))
					.toList());
			for (int i = 0; i < p.stages().size(); i++) {
				StageResult s = p.stages().get(i);
				StageResult m = mine.stages().get(i);
				String at = where + ": " + p.position() + " " + s.stage();
				close(m.weightIn(), s.weightIn(), at + " weightIn");
				close(m.unknown(), s.unknown(), at + " unknown");
				close(m.hhi(), s.hhi(), at + " hhi");
				Map<String, SupplierWeight> suppliers = new TreeMap<>();
				m.suppliers().forEach(x -> suppliers.put(x.country(), x));
				assertThat(suppliers.keySet()).as(at + " suppliers")
					.containsExactlyInAnyOrderElementsOf(s.suppliers().stream().map(SupplierWeight::country).toList());
				for (SupplierWeight x : s.suppliers()) {
					close(suppliers.get(x.country()).share(), x.share(), at + " " + x.country() + " share");
					close(suppliers.get(x.country()).china(), x.china(), at + " " + x.country() + " china");
				}
			}
		}
		Map<String, Double> gaps = new TreeMap<>();
		actual.gaps().forEach(g -> gaps.put(g.item() + "|" + g.stage() + "|" + g.buyer(), g.weight()));
		Map<String, Double> expectedGaps = new TreeMap<>();
		expected.gaps().forEach(g -> expectedGaps.put(g.item() + "|" + g.stage() + "|" + g.buyer(), g.weight()));
		assertThat(gaps.keySet()).as(where + ": gaps").containsExactlyElementsOf(expectedGaps.keySet());
		expectedGaps.forEach((key, weight) -> close(gaps.get(key), weight, where + ": gap " + key));
		assertThat(facts(actual.facts())).as(where + ": facts").isEqualTo(facts(expected.facts()));
	}

	private static Map<List<String>, InputChain> byPosition(List<InputChain> inputs) {
		Map<List<String>, InputChain> map = new java.util.HashMap<>();
		inputs.forEach(i -> map.put(i.position(), i));
		return map;
	}

	/** The facts as comparable text: splits sorted (their order is the database's). */
	private static Map<String, String> facts(List<ItemFacts> facts) {
		Map<String, String> text = new TreeMap<>();
		for (ItemFacts item : facts) {
			for (StageFacts stage : item.stages()) {
				text.put(item.item() + "|" + stage.stage() + "|global",
						stage.globalYear() + " " + stage.globalSource() + " " + sorted(stage.global()));
				for (BuyerSplit own : stage.sourcing()) {
					text.put(item.item() + "|" + stage.stage() + "|" + own.buyer(),
							own.year() + " " + own.source() + " " + own.kind() + " " + sorted(own.split()));
				}
			}
			if (item.stages().isEmpty()) {
				text.put(item.item(), "no stage");
			}
		}
		return text;
	}

	private static List<String> sorted(List<Split> split) {
		List<String> text = new ArrayList<>(split.stream().map(s -> s.country() + "=" + s.share()).toList());
		text.sort(null);
		return text;
	}

	/**
	 * Every figure of {@link ChainFigures}, a new one included, compared by its CSV cell.
	 */
	private static void closeFigures(ChainFigures actual, ChainFigures expected, String where) {
		List<String> names = ChainFigures.csvColumns("");
		List<Object> mine = ChainFigures.csvCells(actual);
		List<Object> theirs = ChainFigures.csvCells(expected);
		for (int i = 0; i < names.size(); i++) {
			close(number(mine.get(i)), number(theirs.get(i)), where + " " + names.get(i));
		}
	}

	private static Double number(Object cell) {
		return (cell == null) ? null : ((Number) cell).doubleValue();
	}

	private static void close(Double actual, Double expected, String what) {
		if (expected == null || actual == null) {
			assertThat(actual).as(what).isEqualTo(expected);
			return;
		}
		assertThat(Math.abs(actual - expected)).as(what + ": " + actual + " vs " + expected)
			.isLessThanOrEqualTo(TOLERANCE);
	}

}
