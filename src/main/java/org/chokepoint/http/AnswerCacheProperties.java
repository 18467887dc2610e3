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
 * 64MB); the least recently used go first
 * @param maxAnswerSize the largest answer kept (default 32MB: the world matrix of 249
 * consumers and 200 products is 10 MB of JSON and takes seconds to compute); a larger one
 * is served but not kept
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
