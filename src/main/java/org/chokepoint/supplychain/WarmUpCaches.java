package org.chokepoint.supplychain;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCache;

/**
 * The caches the application's own warm-up requests keep their analyses in, apart from
 * analysts' ({@link CachingConfiguration#cacheResolver()}): caches of the same kind as
 * {@value CachingConfiguration#ANALYSES} and {@value CachingConfiguration#CATALOGUE}
 * (Caffeine, bounded by entries) but small, so that a warm-up request keeps and evicts as
 * an analyst's does and the JVM has compiled that path too before an analyst asks.
 * Without them (no cache for a warm-up request) the first few thousand analysts' answers
 * after a start compiled the keeping of an analysis (docs/performance.md). No analyst's
 * request reads them, and {@link HttpWarmUp} empties them when it ends.
 */
final class WarmUpCaches {

	/**
	 * Entries per cache: enough that evictions happen while the warm-up runs, few enough
	 * that a chain's kept stage results do not weigh on the heap.
	 */
	static final int ENTRIES = 32;

	private final Map<String, Cache> caches = new ConcurrentHashMap<>();

	/** The warm-up's cache of {@code name}. */
	Cache cache(String name) {
		return this.caches.computeIfAbsent(name,
				n -> new CaffeineCache(n, Caffeine.newBuilder().executor(Runnable::run).maximumSize(ENTRIES).build()));
	}

	/**
	 * The warm-up's caches of {@code names}, by name: in a {@link HashMap}, as the
	 * resolver keeps analysts' (one kind of map for both).
	 */
	HashMap<String, Cache> byName(List<String> names) {
		HashMap<String, Cache> byName = new HashMap<>();
		names.forEach(name -> byName.put(name, cache(name)));
		return byName;
	}

	/** Empties every one of them. */
	void clear() {
		this.caches.values().forEach(Cache::invalidate);
	}

	/** How many entries they hold in all, once pending evictions are done. */
	long size() {
		long entries = 0;
		for (Cache cache : this.caches.values()) {
			com.github.benmanes.caffeine.cache.Cache<?, ?> nativeCache = ((CaffeineCache) cache).getNativeCache();
			nativeCache.cleanUp();
			entries += nativeCache.estimatedSize();
		}
		return entries;
	}

}
