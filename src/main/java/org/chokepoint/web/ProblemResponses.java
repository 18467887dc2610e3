package org.chokepoint.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

/**
 * The error answers every {@code /api} operation may give (400, 404, 406, 413), each an
 * RFC 9457 problem detail whose schema ({@code Problem}) names the properties the API
 * adds: {@code parameter}, {@code kind}, {@code key}, {@code suggestions},
 * {@code availableYears}, ...
 */
class ProblemResponses implements OpenApiCustomizer {

	static final String SCHEMA = "Problem";

	static final String MEDIA_TYPE = "application/problem+json";

	private static final Map<String, String> ERRORS = errors();

	private static Map<String, String> errors() {
		Map<String, String> errors = new LinkedHashMap<>();
		errors.put("400", "A parameter or the body is malformed or out of range; `parameter` names it (a year before"
				+ " the data lists `availableYears`).");
		errors.put("404", "A key names nothing (or the path does not exist); `kind` and `key` say what was looked"
				+ " for, `suggestions` lists up to three close keys.");
		errors.put("406",
				"The Accept header asks for a type this operation can't answer; `producible` lists those" + " it can.");
		errors.put("413", "The request body is larger than the limit (`maxBytes`).");
		return errors;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getComponents() == null) {
			openApi.setComponents(new Components());
		}
		openApi.getComponents().addSchemas(SCHEMA, schema());
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperations().forEach(this::addErrors));
	}

	private void addErrors(Operation operation) {
		if (operation.getResponses() == null) {
			operation.setResponses(new ApiResponses());
		}
		ERRORS.forEach((status, description) -> {
			if (!operation.getResponses().containsKey(status)) {
				operation.getResponses()
					.addApiResponse(status, new ApiResponse().description(description)
						.content(new Content().addMediaType(MEDIA_TYPE,
								new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)))));
			}
		});
	}

	@SuppressWarnings({ "rawtypes", "unchecked" })
	private static Schema<?> schema() {
		ObjectSchema schema = new ObjectSchema();
		schema.description("An RFC 9457 problem detail; the properties after `instance` appear where they apply.");
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type", new StringSchema().description("A URI that identifies the kind of problem"));
		properties.put("title", new StringSchema().description("The HTTP status in words, e.g. Not Found"));
		properties.put("status", new IntegerSchema().description("The HTTP status code"));
		properties.put("detail", new StringSchema().description("What went wrong, naming the parameter or key"));
		properties.put("instance", new StringSchema().description("The path asked for"));
		properties.put("parameter", new StringSchema().description("400: the parameter or body field at fault"));
		properties.put("kind", new StringSchema().description("404: what was looked for (product, country, ...)"));
		properties.put("key", new StringSchema().description("404: the key as given"));
		properties.put("suggestions", new ArraySchema().items(new StringSchema())
			.description("404: up to three keys close to the one given, closest first"));
		properties.put("availableYears", new ArraySchema().items(new IntegerSchema())
			.description("400 for a year before the data: the years the data has facts for"));
		properties.put("producible",
				new ArraySchema().items(new StringSchema()).description("406: the media types this operation answers"));
		properties.put("maxBytes", new IntegerSchema().description("413: the largest body accepted, in bytes"));
		schema.setProperties(properties);
		schema.setRequired(List.of("status", "title"));
		return schema;
	}

}
