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
 * It also holds the facts of items (chain-facts.cypher) per version and year, apart, since they are
 * large (an item's buyers' splits) and shared by every chain that uses the item.
 */
@Component
public class AnalysisCache {

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

	/** The facts held for {@code year} at {@code version}, by item id. */
	Map<String, Object> facts(String version, int year) {
		Map<String, Object> held = new java.util.HashMap<>();
		synchronized (this.facts) {
			this.facts.forEach((key, value) -> {
				java.util.List<?> k = (java.util.List<?>) key;
				if (k.get(0).equals(version) && k.get(1).equals(year)) {
					held.put((String) k.get(2), value);
				}
			});
		}
		return held;
	}

	/** Keeps the facts of {@code item} for {@code year} at {@code version}. */
	void putFacts(String version, int year, String item, Object value) {
		synchronized (this.facts) {
			this.facts.put(java.util.List.of(version, year, item), value);
		}
	}

	@EventListener
	void imported(ImportReport report) {
		clear();
	}

	/** Forgets every analysis and fact (an import does; the benchmark does for cold figures). */
	public void clear() {
		synchronized (this.entries) {
			this.entries.clear();
		}
		synchronized (this.facts) {
			this.facts.clear();
		}
	}

}
