package org.chokepoint.web;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.ResolvableType;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpEntity;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.SmartHttpMessageConverter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Documents the {@code format} query parameter ({@code csv} or {@code json},
 * {@link ApiParameters#FORMAT}) on every operation that can answer {@code text/csv}, and
 * lists {@code text/csv} among its answer's media types. Content negotiation reads the
 * parameter, not the handler, so springdoc would not list it. An operation answers CSV
 * when one of the application's message converters that writes {@code text/csv} (not
 * merely any type) can write its return type, the body of a {@code ResponseEntity}; a
 * handler declared to return {@code Object} is judged by the classes its
 * {@code @ApiResponse} schemas name.
 */
class CsvFormatParameter implements OperationCustomizer {

	static final String NAME = "format";

	static final MediaType TEXT_CSV = new MediaType("text", "csv");

	private final ObjectProvider<RequestMappingHandlerAdapter> adapter;

	CsvFormatParameter(ObjectProvider<RequestMappingHandlerAdapter> adapter) {
		this.adapter = adapter;
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		if (!answersCsv(handler)) {
			return operation;
		}
		List<Parameter> parameters = (operation.getParameters() != null) ? operation.getParameters() : List.of();
		if (parameters.stream().noneMatch(p -> NAME.equals(p.getName()) && "query".equals(p.getIn()))) {
			operation.addParametersItem(new QueryParameter().name(NAME)
				.description(ApiParameters.FORMAT)
				.required(false)
				.schema(new StringSchema()._enum(List.of("csv", "json"))));
		}
		if (operation.getResponses() != null) {
			ApiResponse ok = operation.getResponses().get("200");
			if (ok != null) {
				if (ok.getContent() == null) {
					ok.setContent(new Content());
				}
				if (!ok.getContent().containsKey(TEXT_CSV.toString())) {
					ok.getContent()
						.addMediaType(TEXT_CSV.toString(),
								new io.swagger.v3.oas.models.media.MediaType().schema(new StringSchema()
									.description("CSV (RFC 4180), with ?format=csv or Accept: text/csv;"
											+ " columns and units in docs/csv.md")));
				}
			}
		}
		return operation;
	}

	/**
	 * Whether a converter that writes {@code text/csv} can write what the handler
	 * returns.
	 */
	boolean answersCsv(HandlerMethod handler) {
		RequestMappingHandlerAdapter mvc = this.adapter.getIfAvailable();
		if (mvc == null) {
			return false;
		}
		List<HttpMessageConverter<?>> csv = mvc.getMessageConverters()
			.stream()
			.filter(CsvFormatParameter::writesCsvByName)
			.toList();
		for (ResolvableType type : answerTypes(handler)) {
			for (HttpMessageConverter<?> converter : csv) {
				boolean writes = (converter instanceof SmartHttpMessageConverter<?> smart)
						? smart.canWrite(type, type.toClass(), TEXT_CSV) : converter.canWrite(type.toClass(), TEXT_CSV);
				if (writes) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * A converter that names {@code text/csv} among its media types, not one that writes
	 * anything as any type (a String as text/*).
	 */
	private static boolean writesCsvByName(HttpMessageConverter<?> converter) {
		return converter.getSupportedMediaTypes()
			.stream()
			.anyMatch(type -> !type.isWildcardType() && !type.isWildcardSubtype() && type.isCompatibleWith(TEXT_CSV));
	}

	/**
	 * The handler's return type (a {@code ResponseEntity}'s body type), or, for
	 * {@code Object}, the classes its {@code @ApiResponse} schemas name.
	 */
	static List<ResolvableType> answerTypes(HandlerMethod handler) {
		ResolvableType type = ResolvableType.forMethodParameter(handler.getReturnType());
		if (HttpEntity.class.isAssignableFrom(type.toClass())) {
			type = type.as(HttpEntity.class).getGeneric(0);
		}
		if (type.toClass() != Object.class) {
			return List.of(type);
		}
		Set<Class<?>> named = new LinkedHashSet<>();
		for (io.swagger.v3.oas.annotations.responses.ApiResponse response : AnnotatedElementUtils
			.findMergedRepeatableAnnotations(handler.getMethod(),
					io.swagger.v3.oas.annotations.responses.ApiResponse.class,
					io.swagger.v3.oas.annotations.responses.ApiResponses.class)) {
			for (io.swagger.v3.oas.annotations.media.Content content : response.content()) {
				named.add(content.schema().implementation());
				named.addAll(List.of(content.schema().oneOf()));
				named.addAll(List.of(content.schema().anyOf()));
			}
		}
		named.remove(Void.class);
		List<ResolvableType> types = new ArrayList<>();
		named.forEach(c -> types.add(ResolvableType.forClass(c)));
		return types;
	}

}
