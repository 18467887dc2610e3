package org.chokepoint.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP API ({@code chokepoint.http.*}).
 *
 * @param maxBodySize the largest request body accepted, counted as it is read (chunked
 * bodies too), default 1MB; a larger one is answered 413
 */
@ConfigurationProperties("chokepoint.http")
public record HttpProperties(@DefaultValue("1MB") DataSize maxBodySize) {

	public HttpProperties {
		if (maxBodySize.toBytes() < 1) {
			throw new IllegalArgumentException("chokepoint.http.max-body-size must be positive, not " + maxBodySize);
		}
	}

}
