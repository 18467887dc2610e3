package org.chokepoint.web;

import java.math.BigDecimal;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.NumberDeserializers;
import tools.jackson.databind.module.SimpleModule;

/**
 * Decimal numbers in request bodies read as strictly as in parameters
 * ({@link StrictParameterConversion}) and import files: a literal that a double cannot
 * hold is refused rather than rounded to something else, so {@code 1e-400} is not read as
 * 0 nor {@code 1e309} as Infinity (JSON's own grammar already refuses hex, type suffixes,
 * a leading {@code +} and digits other than ASCII). Other input (strings, null) is read
 * as Jackson reads it.
 */
final class StrictJsonDoubles extends NumberDeserializers.DoubleDeserializer {

	private StrictJsonDoubles(Class<Double> type, Double empty) {
		super(type, empty);
	}

	/** The module that reads {@code double} and {@code Double} this way. */
	static SimpleModule module() {
		return new SimpleModule("strict-doubles")
			.addDeserializer(Double.class, new StrictJsonDoubles(Double.class, null))
			.addDeserializer(Double.TYPE, new StrictJsonDoubles(Double.TYPE, 0.0));
	}

	@Override
	public Double deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
		JsonToken token = parser.currentToken();
		if (token != JsonToken.VALUE_NUMBER_FLOAT && token != JsonToken.VALUE_NUMBER_INT) {
			return super.deserialize(parser, context);
		}
		BigDecimal exact = parser.getDecimalValue();
		double value = exact.doubleValue();
		if (Double.isInfinite(value)) {
			return (Double) context.handleWeirdNumberValue(Double.class, exact,
					"%s is beyond the largest number a double holds", parser.getString());
		}
		if (exact.signum() != 0 && Math.abs(value) < Double.MIN_NORMAL) {
			return (Double) context.handleWeirdNumberValue(Double.class, exact,
					"%s is too close to 0 for a double (it would be read as %s)", parser.getString(), value);
		}
		return value;
	}

}
