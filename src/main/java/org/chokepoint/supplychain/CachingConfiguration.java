package org.chokepoint.supplychain;

import java.util.List;

import com.github.benmanes.caffeine.cache.Caffeine;

import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.caffeine.CaffeineCacheManager;
import org.springframework.cache.interceptor.KeyGenerator;
import org.springframework.cache.interceptor.SimpleKey;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The analyses' caches, on Spring's cache abstraction over Caffeine. An analysis is
 * computed once per version of the data: the key of every entry starts with the
 * {@link DataVersion}, so an answer of an older version is never served, and the caches
 * are emptied when an import ends or the version changes. Two bounded caches, sized by
 * {@link CachingProperties}: {@value #ANALYSES} (chain analyses and chains, keyed by
 * their arguments) and {@value #CHAIN_FACTS} (the facts of an item per version and year,
 * shared by every chain that uses the item; see {@link ChainFactsQuery}).
 */
@Configuration(proxyBeanMethods = false)
@EnableCaching
class CachingConfiguration {

	/** Chain analyses and chains, by data version and arguments. */
	static final String ANALYSES = "analyses";

	/** Items' facts, by data version, year and item. */
	static final String CHAIN_FACTS = "chain-facts";

	/** The name of the key generator the analyses' {@code @Cacheable}s use. */
	static final String VERSIONED_KEYS = "versionedKeys";

	@Bean
	CacheManager cacheManager(CachingProperties properties) {
		CaffeineCacheManager manager = new CaffeineCacheManager();
		// no cache made up on demand: a misspelt name fails rather than growing without a
		// bound
		manager.setCacheNames(List.of());
		manager.registerCustomCache(ANALYSES, Caffeine.newBuilder().maximumSize(properties.analyses()).build());
		manager.registerCustomCache(CHAIN_FACTS, Caffeine.newBuilder().maximumSize(properties.chainFacts()).build());
		return manager;
	}

	/**
	 * Keys of the data version, the method and its arguments: a new version never meets
	 * an old answer.
	 */
	@Bean(VERSIONED_KEYS)
	KeyGenerator versionedKeys(DataVersion version) {
		return (target, method, params) -> new SimpleKey(version.current(), method.getDeclaringClass().getSimpleName(),
				method.getName(), new SimpleKey(params));
	}

}
