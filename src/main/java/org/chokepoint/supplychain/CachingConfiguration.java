package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.chokepoint.http.WarmUpRequests;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CachingConfigurer;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.interceptor.CacheOperationInvocationContext;
import org.springframework.cache.interceptor.CacheResolver;
import org.springframework.cache.interceptor.KeyGenerator;
import org.springframework.cache.interceptor.SimpleCacheResolver;
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
	 * compute is kept where an analyst's request looks.
	 */
	@Override
	public CacheResolver cacheResolver() {
		return new SimpleCacheResolver(this.manager) {

			@Override
			public Collection<? extends Cache> resolveCaches(CacheOperationInvocationContext<?> context) {
				if (WarmUpRequests.current()) {
					// an ArrayList, as Spring's resolver gives an analyst's request: with
					// another kind of list the JIT threw away the caching code it had
					// compiled for the warm-up at an analyst's first questions
					Collection<String> names = context.getOperation().getCacheNames();
					List<Cache> caches = new ArrayList<>(names.size());
					names.forEach(name -> caches.add(warmUpCaches.cache(name)));
					return caches;
				}
				return super.resolveCaches(context);
			}

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
