package org.chokepoint.supplychain;

import java.time.Duration;

import com.github.benmanes.caffeine.cache.Cache;
import org.junit.jupiter.api.Test;

import org.springframework.cache.caffeine.CaffeineCache;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyses' caches do their upkeep on the thread that puts (as the answer cache): an
 * entry over the bound is gone when the put returns, with no pool thread woken for it.
 */
class CachingConfigurationTests {

	@Test
	void anAnalysisOverTheBoundIsDroppedBeforePutReturns() {
		for (int i = 0; i < 200; i++) {
			CachingConfiguration configuration = new CachingConfiguration(
					new CachingProperties(2, Duration.ofSeconds(1), Duration.ZERO, Duration.ZERO, 0, 0));
			org.springframework.cache.Cache analyses = configuration.cacheManager()
				.getCache(CachingConfiguration.ANALYSES);
			analyses.put("a", "A");
			analyses.put("b", "B");
			analyses.put("c", "C");
			Cache<Object, Object> cache = ((CaffeineCache) analyses).getNativeCache();
			assertThat(cache.estimatedSize()).as("analyses kept right after the third put, round %d", i).isEqualTo(2);
		}
	}

	@Test
	void theWarmUpsOwnCachesToo() {
		for (int i = 0; i < 200; i++) {
			WarmUpCaches caches = new WarmUpCaches();
			org.springframework.cache.Cache cache = caches.cache(CachingConfiguration.ANALYSES);
			for (int k = 0; k <= WarmUpCaches.ENTRIES; k++) {
				cache.put(k, k);
			}
			// the native cache's count, without the clean-up that WarmUpCaches.size()
			// does first
			assertThat(((CaffeineCache) cache).getNativeCache().estimatedSize())
				.as("entries kept right after the last put, round %d", i)
				.isEqualTo(WarmUpCaches.ENTRIES);
		}
	}

}
