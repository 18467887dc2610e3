package org.chokepoint.csv;

import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.web.accept.HeaderContentNegotiationStrategy;
import org.springframework.web.accept.ParameterContentNegotiationStrategy;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Adds the {@code text/csv} converter behind the others, so that JSON stays the default
 * answer, and lets {@code ?format=csv} or {@code ?format=json} choose the answer's format
 * ahead of the {@code Accept} header (a link in a browser or a spreadsheet cannot set a
 * header). Any other {@code format} is a 400 ({@link FormatParameterFilter}).
 */
@Configuration(proxyBeanMethods = false)
class CsvConfiguration implements WebMvcConfigurer {

	/** The query parameter that chooses the format. */
	static final String FORMAT = "format";

	/** The formats {@code ?format=} accepts, by their lower-case name. */
	static final Map<String, MediaType> FORMATS = Map.of("csv", CsvHttpMessageConverter.TEXT_CSV, "json",
			MediaType.APPLICATION_JSON);

	@Override
	public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
		converters.add(new CsvHttpMessageConverter());
	}

	/**
	 * The parameter first, then the header; the exact list, so that nothing else (path
	 * extensions) chooses.
	 */
	@Override
	public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
		ParameterContentNegotiationStrategy parameter = new ParameterContentNegotiationStrategy(FORMATS);
		parameter.setParameterName(FORMAT);
		configurer.strategies(List.of(parameter, new HeaderContentNegotiationStrategy()));
	}

}
