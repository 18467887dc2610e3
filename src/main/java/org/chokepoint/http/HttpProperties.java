package org.chokepoint.http;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits of the HTTP API ({@code chokepoint.http.*}).
 *
 * @param maxBodySize the largest request body accepted, counted as it is read (chunked
 * bodies too), default 1MB; a larger one is answered 413
 * @param writeBuffer the bytes Tomcat copies an answer through to the socket at a time,
 * default 64KB: a chain answer (50 to 90 kB) in one or two writes instead of seven to
 * eleven of Tomcat's own 8KB; one such buffer per open connection
 */
@ConfigurationProperties("chokepoint.http")
public record HttpProperties(@DefaultValue("1MB") DataSize maxBodySize, @DefaultValue("64KB") DataSize writeBuffer) {

	public HttpProperties {
		if (maxBodySize.toBytes() < 1) {
			throw new IllegalArgumentException("chokepoint.http.max-body-size must be positive, not " + maxBodySize);
		}
		if (writeBuffer.toBytes() < 1024 || writeBuffer.toBytes() > 16 * 1024 * 1024) {
			throw new IllegalArgumentException(
					"chokepoint.http.write-buffer must be from 1KB to 16MB, not " + writeBuffer);
		}
	}

}
