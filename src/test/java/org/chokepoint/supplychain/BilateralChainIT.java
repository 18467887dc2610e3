package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;

import org.chokepoint.ChokepointTest;
import org.chokepoint.benchmark.Benchmark;
import org.chokepoint.benchmark.Generator;
import org.chokepoint.benchmark.InMemoryChain;
import org.chokepoint.importer.ImportService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * A chain over bilateral trade data whose paths, enumerated, would number more than 10^8: the
 * stage-by-stage computation completes and its numbers equal the in-memory computation's.
 */
@ChokepointTest(properties = "chokepoint.import.on-startup=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BilateralChainIT {

	/** 30 countries, each buying from 29 others at every stage; 4 product levels, 2 inputs each. */
	static final Generator.Parameters DENSE = new Generator.Parameters(30, 3, 8, 4, 2, 29, 1.2, 1, 7);

	@Autowired
	ImportService importService;

	@Autowired
	ChainAnalysisService chains;

	@Autowired
	Driver driver;

	@BeforeAll
	void importDenseTrade() throws IOException {
		Path folder = Path.of("target/fixtures/bilateral");
		Generator.write(DENSE, folder);
		this.importService.importDirectory(folder);
	}

	@Test
	void aChainOfMoreThanAHundredMillionPathsEqualsTheInMemoryComputation() {
		ChainAnalysis api = this.chains.analyse("product-0", "USA", 2024, 0.5, LocalDate.of(2024, 6, 1), 0);
		InMemoryChain.Result expected = InMemoryChain.load(this.driver, "product-0", 2024).compute("product-0", "USA");
		assertThat(expected.paths()).isGreaterThan(1e8);
		assertThat(api.figures().chinaExposure()).isCloseTo(expected.product().chinaExposure(), org.assertj.core.api.Assertions.within(1e-9));
		assertThat(Benchmark.difference(api, expected)).isLessThanOrEqualTo(1e-9);
	}

}
