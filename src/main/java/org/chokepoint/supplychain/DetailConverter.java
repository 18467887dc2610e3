package org.chokepoint.supplychain;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code detail} request parameter: {@code summary} or {@code full}, in any
 * case; any other word is a 400 naming the parameter.
 */
@Component
class DetailConverter implements Converter<String, Detail> {

	@Override
	public Detail convert(String source) {
		Detail detail = Detail.of(source.strip());
		if (detail == null) {
			throw new IllegalArgumentException("must be " + ParameterRules.DETAILS + ", not '" + source + "'");
		}
		return detail;
	}

}
