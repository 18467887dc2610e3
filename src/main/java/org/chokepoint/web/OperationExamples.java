package org.chokepoint.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.examples.Example;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ClassPathResource;

/**
 * An example request and answer per operation, from {@value #FILE}: real answers of the
 * shipped data, which {@code OpenApiDocumentationIT} compares with what the application
 * answers (and rewrites with {@code -Dopenapi.examples.update=true}).
 *
 * <p>
 * The file holds {@code examples}, keyed by {@code "GET /api/chains/{productId}"}: a
 * {@code summary}, the {@code request} (path and query, which give the parameters'
 * examples), the {@code body} of a POST, the {@code answer} (of status {@code status},
 * default 200; with {@code maxItems}, every list cut to that many items), and
 * {@code ignore}: the answer's fields that vary from run to run; and {@code optOut},
 * keyed the same way: why an operation has no example (an admin write, say), which its
 * description then states.
 */
class OperationExamples implements OpenApiCustomizer {

	static final String FILE = "openapi/examples.json";

	static final String NAME = "shipped-data";

	private final JsonNode file;

	private final JsonMapper json;

	OperationExamples(JsonMapper json) {
		this.json = json;
		try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
			this.file = json.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + FILE + " from the classpath", ex);
		}
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> {
			for (Map.Entry<PathItem.HttpMethod, Operation> entry : item.readOperationsMap().entrySet()) {
				String key = entry.getKey().name() + " " + path;
				Operation operation = entry.getValue();
				JsonNode example = this.file.path("examples").get(key);
				if (example != null) {
					attach(operation, path, example);
				}
				JsonNode optOut = this.file.path("optOut").get(key);
				if (optOut != null) {
					operation.setDescription(
							(operation.getDescription() == null ? "" : operation.getDescription().strip() + "\n\n")
									+ "No example: " + optOut.asString());
				}
			}
		});
	}

	private void attach(Operation operation, String template, JsonNode example) {
		String summary = example.path("summary").asString("");
		String request = example.path("request").asString("");
		Map<String, String> parameters = parameters(template, request);
		if (operation.getParameters() != null) {
			for (Parameter parameter : operation.getParameters()) {
				String value = parameters.get(parameter.getName());
				if (value != null) {
					parameter.setExample(value);
				}
			}
		}
		JsonNode body = example.get("body");
		if (body != null) {
			if (operation.getRequestBody() == null) {
				operation.setRequestBody(new RequestBody());
			}
			if (operation.getRequestBody().getContent() == null) {
				operation.getRequestBody().setContent(new Content());
			}
			media(operation.getRequestBody().getContent(), "application/json").addExamples(NAME,
					new Example().summary(summary).value(plain(body)));
		}
		JsonNode answer = example.get("answer");
		if (answer != null) {
			if (operation.getResponses() == null) {
				operation.setResponses(new ApiResponses());
			}
			String status = example.path("status").asString("200");
			ApiResponse response = operation.getResponses().get(status);
			if (response == null) {
				response = new ApiResponse().description("The answer");
				operation.getResponses().addApiResponse(status, response);
			}
			if (response.getContent() == null) {
				response.setContent(new Content());
			}
			media(response.getContent(), "application/json").addExamples(NAME,
					new Example().summary(summary)
						.description("Request: " + request + excerpt(example))
						.value(plain(answer)));
		}
	}

	private static String excerpt(JsonNode example) {
		int maxItems = example.path("maxItems").asInt(0);
		return maxItems <= 0 ? "" : " (an excerpt: every list cut to its first " + maxItems + " items)";
	}

	/**
	 * The path and query parameters of a request
	 * ({@code /api/chains/ndfeb-magnet?consumer=EU}) for its template
	 * ({@code /api/chains/{productId}}).
	 */
	static Map<String, String> parameters(String template, String request) {
		Map<String, String> parameters = new LinkedHashMap<>();
		URI uri = URI.create(request);
		String[] names = template.split("/");
		String[] values = uri.getRawPath().split("/");
		for (int i = 0; i < names.length && i < values.length; i++) {
			if (names[i].startsWith("{") && names[i].endsWith("}")) {
				parameters.put(names[i].substring(1, names[i].length() - 1), decode(values[i]));
			}
		}
		if (uri.getRawQuery() != null) {
			for (String pair : uri.getRawQuery().split("&")) {
				int equals = pair.indexOf('=');
				if (equals > 0) {
					parameters.put(decode(pair.substring(0, equals)), decode(pair.substring(equals + 1)));
				}
			}
		}
		return parameters;
	}

	private static String decode(String value) {
		return URLDecoder.decode(value, StandardCharsets.UTF_8);
	}

	private static MediaType media(Content content, String type) {
		MediaType media = content.get(type);
		if (media == null) {
			media = content.get("*/*");
			if (media != null) {
				content.remove("*/*");
			}
			else {
				media = new MediaType();
			}
			content.addMediaType(type, media);
		}
		return media;
	}

	/** As maps, lists and plain values, which any JSON writer writes as they are. */
	private Object plain(JsonNode value) {
		return this.json.convertValue(value, Object.class);
	}

}
