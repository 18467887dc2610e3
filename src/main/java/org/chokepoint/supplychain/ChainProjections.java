package org.chokepoint.supplychain;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.chokepoint.importer.ImportReport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The {@link ChainProjection} the analyses compute from, swapped atomically when a new
 * one is built: after the start-up import (when the application is ready), synchronously
 * after an import by this instance, and in the background when a data version that it
 * does not hold is seen (an import by another instance: external mode, a cluster).
 * Requests keep being answered from the previous projection while a new one builds;
 * before the first is built, {@link #serving()} is null and the chains are computed from
 * chain-facts.cypher.
 */
@Component
class ChainProjections implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ChainProjections.class);

	private final ChainProjectionLoader loader;

	private final DataVersion version;

	private final AtomicReference<ChainProjection> current = new AtomicReference<>();

	private final AtomicBoolean building = new AtomicBoolean();

	private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "chain-projection");
		thread.setDaemon(true);
		return thread;
	});

	private final AnalysisWarmUp warmUp;

	private final HttpWarmUp httpWarmUp;

	ChainProjections(ChainProjectionLoader loader, DataVersion version, AnalysisWarmUp warmUp, HttpWarmUp httpWarmUp) {
		this.loader = loader;
		this.version = version;
		this.warmUp = warmUp;
		this.httpWarmUp = httpWarmUp;
	}

	/**
	 * The projection to answer from: the newest built, which may lag the database while a
	 * new one builds (one is started when the database's version differs); null before
	 * the first.
	 */
	ChainProjection serving() {
		ChainProjection projection = this.current.get();
		String stored = this.version.current();
		if (projection == null || !projection.version().equals(stored)) {
			rebuildInBackground();
		}
		return projection;
	}

	/**
	 * The data version the answers are of: the serving projection's, else the database's.
	 * The ETag of the analyses and the first part of their cache keys.
	 */
	String servedVersion() {
		ChainProjection projection = serving();
		return projection != null ? projection.version() : this.version.current();
	}

	/** Builds the projection of the start-up data, unless an import built it already. */
	@EventListener(ApplicationReadyEvent.class)
	@Order(0)
	void ready() {
		ChainProjection projection = this.current.get();
		if (projection == null || !projection.version().equals(this.version.current())) {
			rebuild();
		}
	}

	/** This instance imported: the new projection is built before the import returns. */
	@EventListener
	void imported(ImportReport report) {
		rebuild();
	}

	/**
	 * Builds a projection of what the database holds now and serves it; the analyses are
	 * then warmed up on it in the background ({@link AnalysisWarmUp}, and once per run
	 * {@link HttpWarmUp}).
	 */
	synchronized ChainProjection rebuild() {
		long started = System.nanoTime();
		ChainProjection projection = this.loader.load();
		this.current.set(projection);
		log.info("Chain projection of data version {} built in {} ms: {} items, {} SOURCES relationships, about {} kB",
				projection.version(), (System.nanoTime() - started) / 1_000_000, projection.size(), projection.flows(),
				projection.bytes() / 1024);
		this.warmUp.start(projection);
		this.httpWarmUp.built(projection);
		return projection;
	}

	private void rebuildInBackground() {
		if (!this.building.compareAndSet(false, true)) {
			return;
		}
		try {
			this.background.execute(() -> {
				try {
					ChainProjection projection = this.current.get();
					if (projection == null || !projection.version().equals(this.version.current())) {
						rebuild();
					}
				}
				catch (RuntimeException ex) {
					log.warn("Chain projection not rebuilt; answering from the previous one: {}", ex.toString());
				}
				finally {
					this.building.set(false);
				}
			});
		}
		catch (RuntimeException ex) {
			this.building.set(false);
			throw ex;
		}
	}

	@Override
	public void destroy() {
		this.background.shutdownNow();
	}

}
