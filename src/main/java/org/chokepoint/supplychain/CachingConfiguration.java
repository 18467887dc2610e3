package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.chokepoint.http.WarmUpRequests;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.interceptor.CacheResolver;
import org.springframework.cache.interceptor.KeyGenerator;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The analyses' cache, on Spring's cache abstraction over Caffeine. An analysis is
 * computed once per version of the data: the key of every entry starts with the data
 * version the answers are of (the serving {@link ChainProjection}'s,
 * {@link ChainProjections#servedVersion()}), so an answer of another version is never
 * served, and the caches are emptied when an import ends or the version changes. Two
 * bounded caches: {@value #ANALYSES} (chain analyses and chains, keyed by their
 * arguments; sized by {@link CachingProperties}) and {@value #CATALOGUE} (what an
 * analysis reads besides the chain). The facts of the items are in the projection.
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CachingConfiguration implements CachingConfigurer {

	/** Chain analyses and chains, by data version and arguments. */
	static final String ANALYSES = "analyses";

	/**
	 * What an analysis reads besides the chain, by data version: the keys that exist, the
	 * minerals, a consumer's stockpiles and alliances. Small entries, read by every
	 * analysis: a cold chain asks the database only for what no analysis of the version
	 * asked before.
	 */
	static final String CATALOGUE = "catalogue";

	/**
	 * How many catalogue entries are kept: keys, stockpiles and alliances of a version.
	 */
	static final long CATALOGUE_ENTRIES = 20_000;

	/** The name of the key generator the analyses' {@code @Cacheable}s use. */
	static final String VERSIONED_KEYS = "versionedKeys";

	private final CacheManager manager;

	private final WarmUpCaches warmUpCaches = new WarmUpCaches();

	CachingConfiguration(CachingProperties properties) {
		CaffeineCacheManager manager = new CaffeineCacheManager();
		// no cache made up on demand: a misspelt name fails rather than growing without a
		// bound
		manager.setCacheNames(List.of());
		// upkeep on the calling thread (as AnswerCache): no pool thread woken per put
		manager.registerCustomCache(ANALYSES,
				Caffeine.newBuilder().executor(Runnable::run).maximumSize(properties.analyses()).build());
		manager.registerCustomCache(CATALOGUE,
				Caffeine.newBuilder().executor(Runnable::run).maximumSize(CATALOGUE_ENTRIES).build());
		this.manager = manager;
	}

	@Bean
	@Override
	public CacheManager cacheManager() {
		return this.manager;
	}

	/** The warm-up's own caches, which no analyst's request reads. */
	@Bean
	WarmUpCaches warmUpCaches() {
		return this.warmUpCaches;
	}

	/**
	 * The caches of an operation: the warm-up's own ({@link WarmUpCaches}) for the
	 * application's own warm-up requests ({@link WarmUpRequests}), so that nothing they
	 * compute is kept where an analyst's request looks. Picked by the request's kind as
	 * an index, and looked up the same way for both kinds (caches of one kind in maps of
	 * one kind): with a branch per kind, or another kind of list, the JIT threw away the
	 * caching code it had compiled for the warm-up at an analyst's first questions
	 * (docs/performance.md). A name without a cache is refused, as Spring's resolver
	 * does.
	 */
	@Override
	public CacheResolver cacheResolver() {
		Map<String, Cache> analysts = new HashMap<>();
		for (String name : List.of(ANALYSES, CATALOGUE)) {
			analysts.put(name, this.manager.getCache(name));
		}
		List<Map<String, Cache>> byKind = List.of(analysts, this.warmUpCaches.byName(List.of(ANALYSES, CATALOGUE)));
		return context -> {
			Map<String, Cache> caches = byKind.get(WarmUpRequests.currentKind());
			Collection<String> names = context.getOperation().getCacheNames();
			List<Cache> resolved = new ArrayList<>(names.size());
			for (String name : names) {
				Cache cache = caches.get(name);
				if (cache == null) {
					throw new IllegalArgumentException(
							"Cannot find cache named '" + name + "' for " + context.getOperation());
				}
				resolved.add(cache);
			}
			return resolved;
		};
	}

	/**
	 * Keys of the data version, the method and its arguments: a new version never meets
	 * an old answer.
	 */
	@Bean(VERSIONED_KEYS)
	KeyGenerator versionedKeys(ChainProjections projections) {
		return (target, method, params) -> new SimpleKey(projections.servedVersion(),
				method.getDeclaringClass().getSimpleName(), method.getName(), new SimpleKey(params));
	}

}
