package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.LocalDate;

import org.chokepoint.ChokepointTest;
import org.chokepoint.importer.ImportService;
import org.chokepoint.lookup.Items;
import org.chokepoint.lookup.Years;
import org.chokepoint.web.BadParameterException;
import org.chokepoint.web.NotFoundException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.cache.CacheManager;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The analyses' caches: an answer is computed once per data version; an import, or a
 * version changed behind the application's back (another instance's import), empties them
 * and has the years and key indexes read again; their sizes come from
 * {@code chokepoint.cache.*}. The version is trusted for 0 s here, so a change is seen at
 * once.
 */
@ChokepointTest(properties = { "chokepoint.import.on-startup=false", "chokepoint.cache.analyses=7",
		"chokepoint.cache.version-trust=0s" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CachedAnalysesIT {

	private static final Path FIXTURE = Path.of("src/test/resources/fixtures/analysis");

	private static final LocalDate AS_OF = LocalDate.of(2024, 6, 1);

	@Autowired
	ChainAnalysisService chains;

	@Autowired
	ImportService importService;

	@Autowired
	CacheManager caches;

	@Autowired
	ChainProjections projections;

	@Autowired
	Neo4jClient client;

	@Autowired
	Alliances alliances;

	@Autowired
	AnalysisWarmUp warmUp;

	@Autowired
	Catalogue catalogue;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	Years years;

	@Autowired
	Items items;

	@BeforeAll
	void importFixture() {
		this.importService.importDirectory(FIXTURE);
	}

	@BeforeEach
	void emptyCaches() {
		this.caches.getCacheNames().forEach(name -> this.caches.getCache(name).clear());
	}

	@Test
	void aRepeatedQuestionIsAnsweredFromTheCache() {
		ChainAnalysis first = this.chains.analyse("p-mag", "EU", 2024, 0.5, AS_OF, 0,
				org.chokepoint.supplymix.Sourcing.TRACED);
		assertThat(this.chains.analyse("p-mag", "EU", 2024, 0.5, AS_OF, 0, org.chokepoint.supplymix.Sourcing.TRACED))
			.isSameAs(first);
		// another question is another entry
		assertThat(this.chains.analyse("p-mag", "EU", 2024, 0.9, AS_OF, 0, org.chokepoint.supplymix.Sourcing.TRACED))
			.isNotSameAs(first);
		// the chain analysis and the chain below it
		assertThat(entries(CachingConfiguration.ANALYSES)).isEqualTo(3);
	}

	@Test
	void whatAnAnalysisReadsBesidesTheChainIsTakenOncePerVersionFromTheProjection() {
		ChainAnalysis first = this.chains.analyse("p-mag", "EU", 2024, 0.5, AS_OF, 0,
				org.chokepoint.supplymix.Sourcing.TRACED);
		// the minerals, EU's stockpiles and alliances (the product and consumer are
		// checked against the projection's keys)
		assertThat(entries(CachingConfiguration.CATALOGUE)).isEqualTo(3);
		this.chains.analyse("p-mag", "EU", 2024, 0.9, AS_OF, 0, org.chokepoint.supplymix.Sourcing.TRACED);
		assertThat(entries(CachingConfiguration.CATALOGUE)).isEqualTo(3);
		// and the answer is the one made of what allies.cypher and stockpile.cypher read
		TransactionTemplate read = new TransactionTemplate(this.transactions);
		read.setReadOnly(true);
		java.util.Set<String> minerals = this.projections.serving().reference().minerals();
		ChainAnalysis fromCypher = read.execute(status -> this.chains.analyse("p-mag", "EU", 2024, 0.5, AS_OF, 0,
				minerals, this.alliances.ofCypher("EU", AS_OF, minerals),
				this.catalogue.stockpileDaysOfCoverCypher("EU", 2024), org.chokepoint.supplymix.Sourcing.TRACED,
				ChainEngine.PROJECTION, Detail.FULL));
		assertThat(fromCypher.singlePointsOfFailure()).isNotEmpty();
		assertThat(first).isEqualTo(fromCypher);
	}

	@Test
	void theWarmUpAfterABuildRunsAnalysesAndKeepsNoneOfThem() {
		AnalysisWarmUp.Run before = this.warmUp.last();
		ChainProjection built = this.projections.rebuild();
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
		while (this.warmUp.last() == before) {
			assertThat(System.nanoTime()).as("warm-up finished within a minute").isLessThan(deadline);
			pause();
		}
		AnalysisWarmUp.Run run = this.warmUp.last();
		assertThat(run.version()).isEqualTo(built.version());
		// the fixture's products, each for two consumers, within the default second
		assertThat(run.analyses()).isPositive();
		assertThat(entries(CachingConfiguration.ANALYSES)).isZero();
		assertThat(entries(CachingConfiguration.CATALOGUE)).isZero();
	}

	@Test
	void anImportEmptiesTheCaches() {
		ChainAnalysis before = this.chains.analyse("p-mag", "EU", 2024, 0.5, AS_OF, 0,
				org.chokepoint.supplymix.Sourcing.TRACED);
		this.importService.importDirectory(FIXTURE);
		assertThat(entries(CachingConfiguration.ANALYSES)).isZero();
		assertThat(entries(CachingConfiguration.CATALOGUE)).isZero();
		ChainAnalysis after = this.chains.analyse("p-mag", "EU", 2024, 0.5, AS_OF, 0,
				org.chokepoint.supplymix.Sourcing.TRACED);
		assertThat(after).isNotSameAs(before).isEqualTo(before);
	}

	@Test
	void aVersionChangedElsewhereIsSeenAndEmptiesTheCaches() {
		String version = this.chains.dataVersion();
		ChainAnalysis before = this.chains.analyse("p-mag", "EU", 2024, 0.5, AS_OF, 0,
				org.chokepoint.supplymix.Sourcing.TRACED);
		try {
			setVersion("imported-by-another-instance");
			// seen at once; the projection of it is built in the background, the answers
			// stay of the projection served until it is in
			assertThat(this.projections.serving().version()).isEqualTo(version);
			assertThat(entries(CachingConfiguration.ANALYSES)).isZero();
			servedVersionBecomes("imported-by-another-instance");
			assertThat(
					this.chains.analyse("p-mag", "EU", 2024, 0.5, AS_OF, 0, org.chokepoint.supplymix.Sourcing.TRACED))
				.isNotSameAs(before);
		}
		finally {
			setVersion(version);
			servedVersionBecomes(version);
		}
	}

	@Test
	void aYearAndAKeyChangedElsewhereAreReadAgainOnceTheChangeIsSeen() {
		String version = this.chains.dataVersion();
		// read and kept before the change
		assertThat(this.years.available()).doesNotContain(2010);
		assertThatThrownBy(() -> this.years.check("year", 2010)).isInstanceOf(BadParameterException.class);
		try {
			write("""
					MATCH (c:Country {iso3: 'CHN'}), (m:Item {id: 'sole'})
					CREATE (c)-[:MINES {year: 2010, quantity: 1.0, unit: 't', source: 's1', elsewhere: true}]->(m)
					CREATE (:Product:Item {id: 'p-elsewhere', name: 'Made elsewhere'})
					""");
			setVersion("imported-by-another-instance");
			// the change is seen on the next read of the version (trusted for 0 s here)
			this.chains.dataVersion();
			assertThat(this.years.available()).contains(2010);
			this.years.check("year", 2010);
			// a key the kept index lacks is read again on a miss anyway
			assertThat(this.items.product("p-elsewhere")).isEqualTo("p-elsewhere");
			write("MATCH (p:Product {id: 'p-elsewhere'}) DETACH DELETE p");
			setVersion("removed-by-another-instance");
			this.chains.dataVersion();
			// a key the kept index holds is not: it is gone once the change is seen
			assertThatThrownBy(() -> this.items.product("p-elsewhere")).isInstanceOf(NotFoundException.class);
		}
		finally {
			write("MATCH ()-[f:MINES {elsewhere: true}]->() DELETE f");
			write("MATCH (p:Product {id: 'p-elsewhere'}) DETACH DELETE p");
			setVersion(version);
			this.chains.dataVersion();
			servedVersionBecomes(version);
		}
		assertThat(this.years.available()).doesNotContain(2010);
	}

	private void write(String cypher) {
		this.client.query(cypher).run();
	}

	/** Waits for the background build (a minute at most: a hang fails). */
	private void servedVersionBecomes(String version) {
		long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
		while (!this.chains.dataVersion().equals(version)) {
			assertThat(System.nanoTime()).as("projection of %s built within a minute", version).isLessThan(deadline);
			pause();
		}
	}

	@Test
	void theCachesAreAsLargeAsConfigured() {
		assertThat(maximum(CachingConfiguration.ANALYSES)).isEqualTo(7);
		assertThat(maximum(CachingConfiguration.CATALOGUE)).isEqualTo(CachingConfiguration.CATALOGUE_ENTRIES);
		assertThat(this.caches.getCacheNames()).containsExactlyInAnyOrder(CachingConfiguration.ANALYSES,
				CachingConfiguration.CATALOGUE);
	}

	private void setVersion(String version) {
		this.client.query("MATCH (v:DataVersion {key: 'current'}) SET v.version = $version")
			.bind(version)
			.to("version")
			.run();
	}

	private long entries(String cache) {
		com.github.benmanes.caffeine.cache.Cache<?, ?> entries = nativeCache(cache);
		entries.cleanUp();
		return entries.estimatedSize();
	}

	private long maximum(String cache) {
		return nativeCache(cache).policy().eviction().orElseThrow().getMaximum();
	}

	private com.github.benmanes.caffeine.cache.Cache<?, ?> nativeCache(String cache) {
		return (com.github.benmanes.caffeine.cache.Cache<?, ?>) this.caches.getCache(cache).getNativeCache();
	}

	private static void pause() {
		try {
			Thread.sleep(20);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
