package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.chokepoint.ChokepointTest;
import org.chokepoint.benchmark.Generator;
import org.chokepoint.importer.ImportService;
import org.chokepoint.supplychain.ChainComputation.InputChain;
import org.junit.jupiter.api.BeforeAll;
import org.chokepoint.supplymix.Sourcing;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.neo4j.core.Neo4jClient;

/**
 * A chain over bilateral trade data whose paths, enumerated, would number more than 10^8:
 * the stage-by-stage computation completes, and its numbers equal those of chain.cypher,
 * the independent one-query computation ({@link ChainParityIT#assertEqual}), and the
 * API's.
 */
@ChokepointTest(properties = "chokepoint.import.on-startup=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BilateralChainIT {

	/**
	 * 30 countries, each buying from 29 others at every stage; 4 product levels, 2 inputs
	 * each.
	 */
	static final Generator.Parameters DENSE = new Generator.Parameters(30, 3, 8, 4, 2, 29, 1.2, 1, 7);

	@Autowired
	ImportService importService;

	@Autowired
	ChainAnalysisService analyses;

	@Autowired
	ChainQuery chains;

	@Autowired
	Neo4jClient client;

	@BeforeAll
	void importDenseTrade() throws IOException {
		Path folder = Path.of("target/fixtures/bilateral");
		Generator.write(DENSE, folder);
		this.importService.importDirectory(folder);
	}

	@Test
	void aChainOfMoreThanAHundredMillionPathsEqualsChainCypher() {
		ChainComputation computed = this.chains.run("product-0", "USA", 2024, Sourcing.TRACED, List.of());
		ChainComputation cypher = new ChainCypher(this.client).runAll("USA", 2024, List.of()).get("product-0");

		// every buyer buys from 29 partners (and, where it produces, from itself), so a
		// path branches at
		// least 29 ways at every stage
		assertThat(computed.facts())
			.allSatisfy(item -> assertThat(item.stages()).allSatisfy(stage -> assertThat(stage.sourcing()).isNotEmpty()
				.allSatisfy(
						own -> assertThat(own.split().size()).isBetween(DENSE.suppliers(), DENSE.suppliers() + 1))));
		// the chain's paths: per input chain, 29 to the power of the stages on its way
		// down
		double paths = 0;
		for (InputChain input : computed.inputs()) {
			int stages = computed.positions()
				.stream()
				.filter(p -> p.position().size() <= input.position().size()
						&& input.position().subList(0, p.position().size()).equals(p.position()))
				.mapToInt(p -> p.stages().size())
				.sum();
			paths += Math.pow(DENSE.suppliers(), stages);
		}
		assertThat(paths).as("paths of the chain, all input chains together").isGreaterThan(1e8);

		ChainParityIT.assertEqual(computed, cypher, "product-0 for USA");
		ChainAnalysis api = this.analyses.analyse("product-0", "USA", 2024, 0.5, LocalDate.of(2024, 6, 1), 0,
				Sourcing.TRACED);
		assertThat(api.figures().chinaExposure()).isCloseTo(cypher.chinaExposure(), within(1e-9));
		assertThat(api.figures().chinaFreeShare()).isCloseTo(cypher.chinaFreeShare(), within(1e-9));
	}

}
