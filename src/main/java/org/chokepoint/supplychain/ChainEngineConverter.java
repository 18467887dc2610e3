package org.chokepoint.supplychain;

import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

/**
 * Reads the {@code engine} request parameter: {@code projection} or {@code cypher}, in
 * any case; any other word is a 400 naming the parameter.
 */
@Component
class ChainEngineConverter implements Converter<String, ChainEngine> {

	@Override
	public ChainEngine convert(String source) {
		ChainEngine engine = ChainEngine.of(source.strip());
		if (engine == null) {
			throw new IllegalArgumentException("must be " + ParameterRules.ENGINES + ", not '" + source + "'");
		}
		return engine;
	}

}
