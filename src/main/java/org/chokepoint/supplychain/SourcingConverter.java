package org.chokepoint.supplychain;

import org.chokepoint.supplymix.Sourcing;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code sourcing} request parameter: {@code traced} or {@code direct}, in any
 * case; any other word is a 400 naming the parameter (a conversion failure of a typed
 * parameter).
 */
@Component
class SourcingConverter implements Converter<String, Sourcing> {

	@Override
	public Sourcing convert(String source) {
		Sourcing sourcing = Sourcing.of(source.strip());
		if (sourcing == null) {
			throw new IllegalArgumentException("must be traced or direct, not '" + source + "'");
		}
		return sourcing;
	}

}
