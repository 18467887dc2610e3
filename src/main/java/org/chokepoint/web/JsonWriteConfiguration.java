package org.chokepoint.web;

import tools.jackson.core.StreamWriteFeature;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How answers are written: a double as the shortest decimal that reads back as the same
 * double (Jackson's Schubfach writer, the algorithm of Java 19's
 * {@code Double.toString}). Java 17's {@code Double.toString}, Jackson's default, was
 * over a quarter of the CPU of a cold chain answer at tier M (a profile of 300 cold
 * answers of 1.1 to 1.5 MB, mostly figures), and on rare values writes more digits than
 * needed; both read back as the same double. CSV answers are written the same way
 * ({@code org.chokepoint.csv}).
 */
@Configuration(proxyBeanMethods = false)
class JsonWriteConfiguration {

	@Bean
	JsonMapperBuilderCustomizer shortestDoubles() {
		return builder -> builder.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER);
	}

}
