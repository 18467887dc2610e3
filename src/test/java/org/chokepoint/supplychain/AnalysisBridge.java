package org.chokepoint.supplychain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationContext;

/**
 * The benchmark's way into the analyses, which are package-private: it lives in the test
 * sources of their package, so neither it nor the benchmark ships in the jar, and the
 * services need not be public for a tool. Its {@link Floor} is the in-process floor the
 * benchmark measures the API against: the same {@link ChainCalculator} the API runs, over
 * the same facts (the projection's), taken once, so it times the computation alone (no
 * database, no report, no JSON, no cache). Whether the Java computation equals
 * chain.cypher is the parity tests' job ({@code ChainParityIT}), not the benchmark's.
 */
public final class AnalysisBridge {

	private final ApplicationContext context;

	public AnalysisBridge(ApplicationContext context) {
		this.context = context;
	}

	/**
	 * The API's chain analysis ({@code GET /api/chains/{product}}, its default summary),
	 * without paths.
	 */
	public ChainAnalysis analyse(String product, String consumer, int year, double threshold, LocalDate asOf) {
		return this.context.getBean(ChainAnalysisService.class)
			.analyse(product, consumer, year, threshold, asOf, 0, org.chokepoint.supplymix.Sourcing.TRACED,
					ChainEngine.PROJECTION, Detail.SUMMARY);
	}

	/**
	 * The single points of failure of every product of {@code consumer}, as the overview
	 * finds them.
	 */
	public int overviewChokepoints(String consumer, int year, double threshold, LocalDate asOf) {
		return this.context.getBean(ConsumerOverviewService.class)
			.overview(consumer, year, threshold, asOf, org.chokepoint.supplymix.Sourcing.TRACED)
			.singlePointsOfFailure()
			.size();
	}

	/** The hits of a scenario ({@code POST /api/scenarios}). */
	public int scenarioHits(ScenarioRequest request) {
		return this.context.getBean(ScenarioService.class).run(request).hits().size();
	}

	/** Forgets every cached analysis and fact: the next analysis is cold. */
	public void clearCaches() {
		org.springframework.cache.CacheManager caches = this.context
			.getBean(org.springframework.cache.CacheManager.class);
		caches.getCacheNames().forEach(name -> caches.getCache(name).clear());
	}

	/**
	 * Takes the facts of {@code product}'s items for {@code year} once, as the API
	 * computes from them (the served projection's, with their dense splits; before the
	 * first projection, chain-facts.cypher's), for {@link Floor#compute}.
	 */
	public Floor floor(String product, int year) {
		ChainProjection projection = this.context.getBean(ChainProjections.class).serving();
		Map<String, ChainCalculator.Item> items = (projection != null)
				? projection.items(product, year, org.chokepoint.supplymix.Sourcing.TRACED)
				: this.context.getBean(ChainFactsQuery.class)
					.load(product, year, org.chokepoint.supplymix.Sourcing.TRACED);
		if (items.isEmpty()) {
			throw new IllegalArgumentException("no product " + product);
		}
		return new Floor(product, items);
	}

	/**
	 * A product's facts held in memory; {@link #compute} runs the calculator on them for
	 * a consumer.
	 */
	public static final class Floor {

		private final String product;

		private final Map<String, ChainCalculator.Item> items;

		private Floor(String product, Map<String, ChainCalculator.Item> items) {
			this.product = product;
			this.items = items;
		}

		/** The product's figures for {@code consumer}, without cuts. */
		public Figures compute(String consumer) {
			ChainComputation chain = ChainCalculator.compute(this.product, consumer, this.items, List.of());
			return new Figures(chain.chinaExposure(), chain.unknownShare(), chain.chinaFreeShare());
		}

	}

	/**
	 * Whether a projection of the data is served (else the analyses read Cypher's facts).
	 */
	public boolean projectionServing() {
		return this.context.getBean(ChainProjections.class).serving() != null;
	}

	/**
	 * A projection built again from what the database holds, apart from the one served
	 * (nothing refers to it but the caller): what {@code ProjectionMemory} weighs.
	 */
	public Object buildProjection() {
		return this.context.getBean(ChainProjectionLoader.class).load();
	}

	/**
	 * The bytes {@code projection} counts for itself ({@link ChainProjection#bytes()}).
	 */
	public long projectionBytes(Object projection) {
		return ((ChainProjection) projection).bytes();
	}

	/** How many items {@code projection} holds. */
	public int projectionItems(Object projection) {
		return ((ChainProjection) projection).size();
	}

	/** A chain's headline figures (domain.md, metrics 1 to 3). */
	public record Figures(Double chinaExposure, Double unknownShare, Double chinaFreeShare) {
	}

}
