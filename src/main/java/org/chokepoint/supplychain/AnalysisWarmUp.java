package org.chokepoint.supplychain;

import java.io.OutputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Warms the analyses up after a projection is built, in the background: a few chain
 * analyses of its data (each product for two consumers, the first by code), each written
 * as JSON by the application's mapper and thrown away, until
 * {@link CachingProperties#warmUp()} has passed. The JVM compiles the calculator, the
 * report and the answer's serialisation while the service waits, not on an analyst's
 * first question: without it the first uncached answers after a start or an import took
 * several times as long as later ones (the S tier, docs/performance.md). Nothing is kept:
 * no answer, chain or figure goes into a cache, so the first ask of a pair is still
 * computed when asked.
 */
@Component
class AnalysisWarmUp implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(AnalysisWarmUp.class);

	/** How many consumers each product is analysed for. */
	private static final int CONSUMERS = 2;

	private final JsonMapper json;

	private final Duration budget;

	/** The projection to warm up with; a newer one ends a warm-up of an older. */
	private final AtomicReference<ChainProjection> latest = new AtomicReference<>();

	private final AtomicReference<Run> last = new AtomicReference<>();

	private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "analysis-warm-up");
		thread.setDaemon(true);
		return thread;
	});

	AnalysisWarmUp(JsonMapper json, CachingProperties properties) {
		this.json = json;
		this.budget = properties.warmUp();
	}

	/**
	 * A finished warm-up.
	 *
	 * @param version the data version of the projection
	 * @param analyses how many analyses it ran
	 * @param millis how long it took
	 */
	record Run(String version, int analyses, long millis) {
	}

	/** Starts warming up with {@code projection} in the background. */
	void start(ChainProjection projection) {
		if (this.budget.isZero()) {
			return;
		}
		this.latest.set(projection);
		this.background.execute(() -> run(projection));
	}

	/** The last warm-up that finished, null before the first. */
	Run last() {
		return this.last.get();
	}

	private void run(ChainProjection projection) {
		long started = System.nanoTime();
		long deadline = started + this.budget.toNanos();
		List<String> products = projection.reference().products().stream().sorted().toList();
		List<String> consumers = projection.reference().parties().stream().sorted().limit(CONSUMERS).toList();
		if (products.isEmpty() || consumers.isEmpty()) {
			return; // no data yet
		}
		LocalDate today = LocalDate.now();
		int analyses = 0;
		for (int i = 0; i < products.size() * consumers.size(); i++) {
			if (System.nanoTime() > deadline || this.latest.get() != projection
					|| Thread.currentThread().isInterrupted()) {
				break;
			}
			String product = products.get(i % products.size());
			String consumer = consumers.get(i / products.size());
			try {
				ChainAnalysis answer = ChainAnalysisService.analyseUncached(projection, product, consumer,
						today.getYear(), Double.parseDouble(ParameterRules.DEFAULT_THRESHOLD), today);
				this.json.writeValue(OutputStream.nullOutputStream(), answer);
				analyses++;
			}
			catch (RuntimeException ex) {
				log.debug("Warm-up analysis of {} for {} failed: {}", product, consumer, ex.toString());
			}
		}
		Run run = new Run(projection.version(), analyses, (System.nanoTime() - started) / 1_000_000);
		this.last.set(run);
		log.info("Analyses warmed up on data version {}: {} chain analyses in {} ms (nothing kept)", run.version(),
				run.analyses(), run.millis());
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
	}

}
