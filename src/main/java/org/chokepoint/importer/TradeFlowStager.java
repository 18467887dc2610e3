package org.chokepoint.importer;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.neo4j.driver.Driver;
import org.neo4j.driver.Session;

/**
 * Stages the trade flows before an import's switch: the SOURCES relationships between the
 * staged countries ({@link StagedNodes}), in committed transactions of {@code batchSize}
 * flows ({@code chokepoint.import.batch-size}), several at a time
 * ({@code chokepoint.import.writer-threads}), so memory stays flat whatever the number of
 * flows. No query sees them until the switch ({@link GraphWriter#ADOPT_STAGED}); what a
 * failed or killed import staged is deleted by the clean-up
 * ({@link GraphWriter#cleanUp}).
 *
 * <p>
 * Over Bolt, so it runs the same against the embedded database and an external one. What
 * a profile of the write showed (docs/scaling.md): the cost is the database's commit
 * (records and index entries), not the lookups nor Bolt; so each (buyer, supplier) pair
 * is looked up once per batch by element id, the strings travel as small codes, and
 * batches commit in parallel.
 */
final class TradeFlowStager {

	/**
	 * Looks each pair up once, by element id; the strings come from the parameter lists
	 * by code.
	 */
	static final String STAGE = """
			UNWIND $pairs AS p
			MATCH (buyer:Staged) WHERE elementId(buyer) = p[0]
			MATCH (supplier:Staged) WHERE elementId(supplier) = p[1]
			WITH buyer, supplier, p
			UNWIND p[2] AS f
			CREATE (buyer)-[:SOURCES {item: $items[f[0]], stage: $stages[f[0]], year: f[1], source: $sources[f[2]],
			                          share: f[3], basis: 'imports', quantity: f[4], unit: $units[f[5]],
			                          tradeFlow: true}]->(supplier)
			""";

	private final Driver driver;

	private final int threads;

	private final int batchSize;

	TradeFlowStager(Driver driver, int threads, int batchSize) {
		this.driver = driver;
		this.threads = threads;
		this.batchSize = batchSize;
	}

	/**
	 * Writes the flows, reporting progress after every committed batch; throws if any
	 * batch fails.
	 */
	void stage(TradeFlows flows, StagedNodes nodes, Consumer<String> progress) {
		if (flows.size() == 0) {
			return;
		}
		long started = System.nanoTime();
		Map<String, Object> dictionaries = Map.of("items", flows.items(), "stages", flows.stages(), "sources",
				flows.sources(), "units", flows.units());
		AtomicInteger done = new AtomicInteger();
		ExecutorService pool = Executors.newFixedThreadPool(this.threads, r -> {
			Thread thread = new Thread(r, "trade-flow-writer");
			thread.setDaemon(true);
			return thread;
		});
		// at most two batches per writer built ahead: memory stays flat
		Semaphore inFlight = new Semaphore(2 * this.threads);
		List<Future<?>> pending = new ArrayList<>();
		try {
			flows.forEachBatch(this.batchSize, batch -> {
				inFlight.acquireUninterruptibly();
				failFast(pending);
				List<List<Object>> pairs = batch.pairs()
					.stream()
					.map(p -> List.<Object>of(nodes.party(p.buyer()), nodes.party(p.supplier()), p.flows()))
					.toList();
				Map<String, Object> parameters = new HashMap<>(dictionaries);
				parameters.put("pairs", pairs);
				pending.add(pool.submit(() -> {
					try (Session session = this.driver.session()) {
						session.executeWriteWithoutResult(tx -> tx.run(STAGE, parameters).consume());
						int total = done.addAndGet(batch.size());
						long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
						progress.accept("trade_flows.csv: " + total + " / " + flows.size()
								+ " SOURCES relationships committed (" + total * 1000L / millis + " relationships/s)");
						ImportSteps.reached(ImportSteps.BATCH_COMMITTED);
					}
					finally {
						inFlight.release();
					}
				}));
			});
			for (Future<?> future : pending) {
				get(future);
			}
		}
		finally {
			pool.shutdownNow();
		}
		long millis = Math.max(1, (System.nanoTime() - started) / 1_000_000);
		progress.accept("trade_flows.csv: " + flows.size() + " SOURCES relationships staged in " + millis + " ms ("
				+ flows.size() * 1000L / millis + " relationships/s, " + this.threads + " writers)");
	}

	/**
	 * Rethrows the first failure of a batch already done, so a failed import stops at
	 * once.
	 */
	private static void failFast(List<Future<?>> pending) {
		pending.removeIf(future -> {
			if (!future.isDone()) {
				return false;
			}
			get(future);
			return true;
		});
	}

	private static void get(Future<?> future) {
		try {
			future.get();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while staging trade flows", ex);
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
	}

}
