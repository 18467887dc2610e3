package org.chokepoint.web;

import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How request bodies are read: a property given twice is an error (which of the two would
 * count is nobody's guess), {@code ""} is not a number, a list or an object (Jackson
 * would read it as null, that is the default), and a body type marked
 * {@link RejectUnknownProperties} refuses properties it does not have, and a decimal
 * number a double cannot hold is refused ({@link StrictJsonDoubles}). Depth, number and
 * string lengths are bounded by Jackson's default {@code StreamReadConstraints} (nesting
 * 500 deep, numbers 1000 digits); the body's size by
 * {@code chokepoint.http.max-body-size}.
 */
@Configuration(proxyBeanMethods = false)
class JsonReadConfiguration {

	@Bean
	JsonMapperBuilderCustomizer strictRequestBodies() {
		return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
			.addHandler(new UnknownProperties())
			.addModule(StrictJsonDoubles.module())
			.withCoercionConfigDefaults(
					coercion -> coercion.setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail));
	}

	private static final class UnknownProperties extends DeserializationProblemHandler {

		@Override
		public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser,
				ValueDeserializer<?> deserializer, Object beanOrClass, String propertyName) {
			Class<?> type = beanOrClass instanceof Class<?> c ? c : beanOrClass.getClass();
			if (type.isAnnotationPresent(RejectUnknownProperties.class)) {
				throw UnrecognizedPropertyException.from(parser, beanOrClass, propertyName,
						deserializer == null ? null : deserializer.getKnownPropertyNames());
			}
			return false;
		}

	}

}
