package org.chokepoint.csv;

import java.util.List;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds the {@code text/csv} converter behind the others, so that JSON stays the default
 * answer.
 */
@Configuration(proxyBeanMethods = false)
class CsvConfiguration implements WebMvcConfigurer {

	@Override
	public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
		converters.add(new CsvHttpMessageConverter());
	}

}
