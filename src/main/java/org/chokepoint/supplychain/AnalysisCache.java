package org.chokepoint.supplychain;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.chokepoint.importer.ImportReport;

import org.springframework.context.event.EventListener;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Analyses by data version: a result is computed once per version of the data, so a repeated
 * question costs a lookup of the version (one indexed read) and a map access. Every import clears
 * it; a key holds the version too, so an import by another instance (a cluster) is seen at once.
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

	AnalysisCache(Neo4jClient client) {
		this.client = client;
	}

	/** The data version the database holds now ("none" before the first import). */
	String version() {
		return this.client.query("MATCH (v:DataVersion {key: 'current'}) RETURN v.version AS version")
			.fetchAs(String.class)
			.one()
			.orElse("none");
	}

	/** The value for {@code key} at the current data version, computed when absent. */
	@SuppressWarnings("unchecked")
	<T> T get(Object key, Supplier<T> compute) {
		Object versioned = java.util.List.of(version(), key);
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

	@EventListener
	void imported(ImportReport report) {
		synchronized (this.entries) {
			this.entries.clear();
		}
	}

}
