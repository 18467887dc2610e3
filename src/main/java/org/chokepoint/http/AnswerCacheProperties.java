package org.chokepoint.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The cache of finished answers ({@code chokepoint.answer-cache.*}); see
 * {@link AnswerCacheFilter}.
 *
 * @param enabled whether the analyses' GET answers are kept as bytes and served from
 * there (default true); off, every request is computed (from the analyses' own caches)
 * and written again
 * @param maxSize the most the kept answers may take, body and gzip form counted (default
 * 64MB); when full, a new answer is kept only if asked more often than those it would
 * push out (Caffeine's policy)
 * @param maxAnswerSize the largest answer kept (default 32MB: the world matrix of 249
 * consumers and 200 products is 10 MB of JSON and takes seconds to compute); a larger one
 * is served but not kept. Besides {@code maxSize}, answers that took at least 100 ms to
 * compute are kept apart, at most this many bytes of them, the least recently used
 * dropped first ({@link AnswerCache})
 */
@ConfigurationProperties("chokepoint.answer-cache")
public record AnswerCacheProperties(@DefaultValue("true") boolean enabled, @DefaultValue("64MB") DataSize maxSize,
		@DefaultValue("32MB") DataSize maxAnswerSize) {

	public AnswerCacheProperties {
		if (maxSize.toBytes() < 0 || maxAnswerSize.toBytes() < 0) {
			throw new IllegalArgumentException(
					"chokepoint.answer-cache.max-size and max-answer-size must not be negative, not " + maxSize
							+ " and " + maxAnswerSize);
		}
	}

}
