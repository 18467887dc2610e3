package org.chokepoint.supplychain;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import org.chokepoint.importer.ImportReport;

import org.springframework.context.event.EventListener;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Analyses by data version: a result is computed once per version of the data, so a repeated
 * question costs a lookup of the version (one indexed read, at most once a second) and a map
 * access. Every import clears it; a key holds the version too, so an import by another instance
 * (a cluster) is seen within a second.
 * It also holds the facts of items (chain-facts.cypher) per version and year, apart, since they are
 * large (an item's buyers' splits) and shared by every chain that uses the item.
 */
@Component
class AnalysisCache {

	/** Entries kept, least recently used dropped first (a chain result is tens of kB). */
	static final int MAX_ENTRIES = 2_000;

	private final Neo4jClient client;

	private final Map<Object, Object> entries = new LinkedHashMap<>(256, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
			return size() > MAX_ENTRIES;
		}

	};

	/** Items whose facts are kept, least recently used dropped first (at the M tier about 1 MB each). */
	static final int MAX_ITEM_FACTS = 300;

	private final Map<Object, Object> facts = new LinkedHashMap<>(64, 0.75f, true) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
			return size() > MAX_ITEM_FACTS;
		}

	};

	AnalysisCache(Neo4jClient client) {
		this.client = client;
	}

	/**
	 * How long a data version read from the database is trusted without reading it again. An
	 * import by this instance clears it at once (its event); one by another instance of a cluster
	 * is seen within this time, as a lagging secondary would show it. A read costs a round trip to
	 * the database (5-10 ms on the shared 2-core benchmark machine): without this, a cached answer
	 * could not come in under that.
	 */
	static final long VERSION_TRUSTED_NANOS = 1_000_000_000L;

	private volatile String knownVersion;

	private volatile long knownAt;

	/** Counts clears: a version read before an import's clear is not kept after it. */
	private final AtomicLong clears = new AtomicLong();

	/** The data version the database holds now ("none" before the first import). */
	String version() {
		String known = this.knownVersion;
		long now = System.nanoTime();
		if (known != null && now - this.knownAt < VERSION_TRUSTED_NANOS) {
			return known;
		}
		long generation = this.clears.get();
		String version = this.client.query("MATCH (v:DataVersion {key: 'current'}) RETURN v.version AS version")
			.fetchAs(String.class)
			.one()
			.orElse("none");
		synchronized (this.clears) {
			if (this.clears.get() == generation) {
				this.knownAt = now;
				this.knownVersion = version;
			}
		}
		return version;
	}

	/** The value for {@code key} at the current data version, computed when absent. */
	@SuppressWarnings("unchecked")
	<T> T get(Object key, Supplier<T> compute) {
		Object versioned = List.of(version(), key);
		synchronized (this.entries) {
			Object value = this.entries.get(versioned);
			if (value != null) {
				return (T) value;
			}
		}
		T value = compute.get();
		synchronized (this.entries) {
			this.entries.put(versioned, value);
		}
		return value;
	}

	/** The facts held for {@code year} (a year and a sourcing) at {@code version}, by item id. */
	Map<String, Object> facts(String version, Object year) {
		Map<String, Object> held = new HashMap<>();
		synchronized (this.facts) {
			this.facts.forEach((key, value) -> {
				List<?> k = (List<?>) key;
				if (k.get(0).equals(version) && k.get(1).equals(year)) {
					held.put((String) k.get(2), value);
				}
			});
		}
		return held;
	}

	/** Keeps the facts of {@code item} for {@code year} at {@code version}. */
	void putFacts(String version, Object year, String item, Object value) {
		synchronized (this.facts) {
			this.facts.put(List.of(version, year, item), value);
		}
	}

	@EventListener
	void imported(ImportReport report) {
		clear();
	}

	/** Forgets every analysis and fact (an import does; the benchmark does for cold figures). */
	void clear() {
		synchronized (this.clears) {
			this.clears.incrementAndGet();
			this.knownVersion = null;
		}
		synchronized (this.entries) {
			this.entries.clear();
		}
		synchronized (this.facts) {
			this.facts.clear();
		}
	}

}
