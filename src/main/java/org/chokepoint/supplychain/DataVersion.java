package org.chokepoint.supplychain;

import java.util.concurrent.atomic.AtomicLong;

import org.chokepoint.http.AnswerCache;
import org.chokepoint.importer.ImportReport;
import org.chokepoint.importer.ImportedElsewhere;

import org.springframework.cache.CacheManager;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * The version of the data the analyses are of: the ETag of their answers and the first
 * part of every cache key ({@link CachingConfiguration}). Reading it costs a round trip
 * to the database (5-10 ms on the shared 2-core benchmark machine), so a version read is
 * trusted for {@link CachingProperties#versionTrust()} (one second by default): without
 * that, a cached answer could not come in under a round trip. An import by this instance
 * empties the caches at once (its event); one by another instance of a cluster, or a
 * server changed under an external-mode application, is seen within that time, as a
 * lagging secondary would show it, and then empties them, and the answers kept as bytes
 * ({@link AnswerCache}), and tells the rest of the application
 * ({@link ImportedElsewhere}: the years and key indexes are read again). The answers'
 * version is the served projection's ({@link ServedAnswerVersion}), which is this one
 * once the projection of it is built.
 */
@Component
class DataVersion {

	private final Neo4jClient client;

	private final CacheManager caches;

	private final AnswerCache answers;

	private final ApplicationEventPublisher events;

	private final long trustedNanos;

	private volatile String known;

	private volatile long knownAt;

	/** The last version read, to see a change; guarded by {@link #clears}. */
	private String lastRead;

	/** Counts clears: a version read before an import's clear is not kept after it. */
	private final AtomicLong clears = new AtomicLong();

	DataVersion(Neo4jClient client, CacheManager caches, AnswerCache answers, CachingProperties properties,
			ApplicationEventPublisher events) {
		this.client = client;
		this.events = events;
		this.caches = caches;
		this.answers = answers;
		this.trustedNanos = properties.versionTrust().toNanos();
	}

	/** The data version the database holds now ("none" before the first import). */
	public String current() {
		String known = this.known;
		long now = System.nanoTime();
		if (known != null && now - this.knownAt < this.trustedNanos) {
			return known;
		}
		long generation = this.clears.get();
		String version = this.client.query("MATCH (v:DataVersion {key: 'current'}) RETURN v.version AS version")
			.fetchAs(String.class)
			.one()
			.orElse("none");
		boolean changedElsewhere = false;
		synchronized (this.clears) {
			if (this.clears.get() == generation) {
				if (this.lastRead != null && !this.lastRead.equals(version)) {
					// changed elsewhere: what the caches hold can't be asked for again
					evictAll();
					changedElsewhere = true;
				}
				this.lastRead = version;
				this.knownAt = now;
				this.known = version;
			}
		}
		if (changedElsewhere) {
			// what other features read of the data (the years, the key indexes)
			this.events.publishEvent(new ImportedElsewhere(version));
		}
		return version;
	}

	@EventListener
	void imported(ImportReport report) {
		clear();
	}

	/** Forgets the version and every cached analysis and fact. */
	void clear() {
		synchronized (this.clears) {
			this.clears.incrementAndGet();
			this.known = null;
			this.lastRead = null;
			evictAll();
		}
	}

	private void evictAll() {
		this.caches.getCacheNames().forEach(name -> this.caches.getCache(name).clear());
		this.answers.clear();
	}

}
