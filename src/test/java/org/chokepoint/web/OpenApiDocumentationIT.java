package org.chokepoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.chokepoint.Api;
import org.chokepoint.ChokepointTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI description documents itself: every {@code /api} operation has a summary, a
 * description, a tag and an example (or an opt-out that says why), every parameter a
 * description and a type; every operation documents its errors; and every example of
 * {@code src/main/resources/openapi/examples.json} is what the application answers.
 *
 * <p>
 * An example with {@code maxItems} shows an excerpt: every list of the answer cut to that
 * many items. After the data or an answer changes, {@code -Dopenapi.examples.update=true}
 * rewrites the examples' answers with the application's (review the diff).
 */
@ChokepointTest
class OpenApiDocumentationIT {

	private static final Path EXAMPLES = Path.of("src/main/resources/openapi/examples.json");

	private static final Set<String> METHODS = Set.of("get", "post", "put", "delete", "patch");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void everyOperationAndParameterIsDescribedAndHasAnExampleOrAnOptOut() {
		JsonNode docs = docs();
		JsonNode file = examplesFile();
		List<String> missing = new ArrayList<>();
		Set<String> operations = new TreeSet<>();
		for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
				if (!METHODS.contains(entry.getKey())) {
					continue;
				}
				String name = entry.getKey().toUpperCase() + " " + path.getKey();
				operations.add(name);
				JsonNode operation = entry.getValue();
				if (blank(operation.get("summary"))) {
					missing.add(name + ": summary");
				}
				if (blank(operation.get("description"))) {
					missing.add(name + ": description");
				}
				if (operation.path("tags").isEmpty()) {
					missing.add(name + ": tag");
				}
				for (JsonNode parameter : operation.path("parameters")) {
					String what = name + ": parameter " + parameter.path("name").asString();
					if (blank(parameter.get("description"))) {
						missing.add(what + " description");
					}
					if (blank(parameter.path("schema").get("type"))) {
						missing.add(what + " type");
					}
				}
				if (!file.path("examples").has(name) && !file.path("optOut").has(name)) {
					missing.add(name + ": example (or optOut) in " + EXAMPLES);
				}
			}
		}
		assertThat(missing).as("what the OpenAPI description lacks").isEmpty();
		Set<String> documented = new TreeSet<>(file.path("examples").propertyNames());
		documented.addAll(file.path("optOut").propertyNames());
		assertThat(operations).as("operations of the API").containsAll(documented);
	}

	@Test
	void onlyTheApiIsDescribedAndEveryTagHasADescription() {
		JsonNode docs = docs();
		assertThat(docs.get("paths").propertyNames()).allMatch(path -> path.equals("/api") || path.startsWith("/api/"));
		assertThat(docs.get("paths").propertyNames()).contains("/api/chains/{productId}", "/api/countries");
		assertThat(docs.get("tags")).allMatch(tag -> !blank(tag.get("description")));
		assertThat(docs.path("info").path("license").path("name").asString()).isNotBlank();
		assertThat(docs.path("servers").get(0).path("url").asString()).isEqualTo("/");
	}

	@Test
	void theChainsParametersAreTypedAndItsErrorsDocumented() {
		JsonNode chain = docs().get("paths").get("/api/chains/{productId}").get("get");
		assertThat(parameter(chain, "year").path("schema").path("type").asString()).isEqualTo("integer");
		assertThat(parameter(chain, "threshold").path("schema").path("type").asString()).isEqualTo("number");
		assertThat(parameter(chain, "paths").path("schema").path("type").asString()).isEqualTo("integer");
		assertThat(parameter(chain, "asOf").path("schema").path("format").asString()).isEqualTo("date");
		assertThat(parameter(chain, "consumer").path("required").asBoolean()).isTrue();
		assertThat(parameter(chain, "productId").path("required").asBoolean()).isTrue();
		assertThat(parameter(chain, "sourcing").path("schema").path("enum")).extracting(JsonNode::asString)
			.containsExactly("traced", "direct");
		for (String status : List.of("400", "404", "406", "413")) {
			assertThat(chain.path("responses")
				.path(status)
				.path("content")
				.path("application/problem+json")
				.path("schema")
				.path("$ref")
				.asString()).as(status).isEqualTo("#/components/schemas/Problem");
		}
		JsonNode problem = docs().path("components").path("schemas").path("Problem").path("properties");
		assertThat(problem.propertyNames()).contains("detail", "parameter", "suggestions", "availableYears");
	}

	@Test
	void everyExampleIsWhatTheApplicationAnswers() throws IOException {
		ObjectNode file = (ObjectNode) examplesFile();
		boolean update = Boolean.getBoolean("openapi.examples.update");
		List<String> differing = new ArrayList<>();
		Api api = new Api(this.port, this.json);
		JsonNode docs = docs();
		for (Map.Entry<String, JsonNode> entry : file.path("examples").properties()) {
			String name = entry.getKey();
			JsonNode example = entry.getValue();
			String method = name.substring(0, name.indexOf(' '));
			String request = example.path("request").asString();
			assertThat(request).as(name + ": request").startsWith("/api");
			HttpResponse<String> response = method.equals("GET") ? api.get(request, "application/json")
					: api.post(request, this.json.writeValueAsString(example.get("body")), "application/json", null);
			assertThat(response.statusCode()).as(name + " " + request + ": " + response.body())
				.isEqualTo(example.path("status").asInt(200));
			JsonNode answer = excerpt(this.json.readTree(response.body()), example.path("maxItems").asInt(0));
			if (!comparable(answer, example).equals(comparable(example.get("answer"), example))) {
				differing.add(name);
				((ObjectNode) example).set("answer", answer);
			}
			// the description shows the example: the request's parameters and the answer
			JsonNode operation = docs.path("paths")
				.path(name.substring(name.indexOf(' ') + 1))
				.path(method.toLowerCase());
			JsonNode shown = operation.path("responses")
				.path(example.path("status").asString("200"))
				.path("content")
				.path("application/json")
				.path("examples")
				.path("shipped-data")
				.path("value");
			assertThat(shown.isMissingNode()).as(name + ": example shown").isFalse();
		}
		if (update && !differing.isEmpty()) {
			Files.writeString(EXAMPLES, this.json.writerWithDefaultPrettyPrinter().writeValueAsString(file) + "\n",
					StandardCharsets.UTF_8);
			return;
		}
		assertThat(differing)
			.as("examples whose answer differs from the application's (rewrite with -Dopenapi.examples.update=true)")
			.isEmpty();
	}

	/**
	 * Every property of every request body's schema (and of the schemas it refers to, as
	 * the scenario's disruptions) has a description: what it is, its unit, range and
	 * limits.
	 */
	@Test
	void everyPropertyOfEveryRequestBodyIsDescribed() {
		JsonNode docs = docs();
		JsonNode schemas = docs.path("components").path("schemas");
		List<String> undescribed = new ArrayList<>();
		Set<String> bodies = new TreeSet<>();
		for (Map.Entry<String, JsonNode> path : docs.get("paths").properties()) {
			for (Map.Entry<String, JsonNode> entry : path.getValue().properties()) {
				if (!METHODS.contains(entry.getKey())) {
					continue;
				}
				String name = entry.getKey().toUpperCase() + " " + path.getKey();
				for (Map.Entry<String, JsonNode> media : entry.getValue()
					.path("requestBody")
					.path("content")
					.properties()) {
					bodies.add(name);
					describedProperties(name + " " + media.getKey(), media.getValue().path("schema"), schemas,
							new TreeSet<>(), undescribed);
				}
			}
		}
		assertThat(bodies).as("operations with a request body").contains("POST /api/scenarios");
		assertThat(undescribed).as("request body properties without a description").isEmpty();
		JsonNode scenario = schemas.path("ScenarioRequest").path("properties");
		assertThat(scenario.path("fraction").path("maximum").asDouble()).isEqualTo(1.0);
		assertThat(scenario.path("stage").path("enum")).extracting(JsonNode::asString)
			.containsExactly("MINING", "REFINING", "MANUFACTURING");
		assertThat(scenario.path("consumers").path("description").asString()).contains("at most 50");
		assertThat(schemas.path("Disruption").path("required")).extracting(JsonNode::asString)
			.containsExactlyInAnyOrder("country", "items");
	}

	/**
	 * Walks a schema: a {@code $ref} to its component, an array to its items, an object
	 * to its properties, each of which must have a description (its own, or, for a
	 * reference, the referred schema's).
	 */
	private static void describedProperties(String where, JsonNode schema, JsonNode schemas, Set<String> seen,
			List<String> undescribed) {
		if (!schema.isObject()) {
			return;
		}
		String ref = schema.path("$ref").asString("");
		if (!ref.isEmpty()) {
			String component = ref.substring(ref.lastIndexOf('/') + 1);
			if (seen.add(component)) {
				describedProperties(component, schemas.path(component), schemas, seen, undescribed);
			}
			return;
		}
		describedProperties(where + "[]", schema.path("items"), schemas, seen, undescribed);
		for (JsonNode part : schema.path("oneOf")) {
			describedProperties(where, part, schemas, seen, undescribed);
		}
		for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
			JsonNode value = property.getValue();
			String referred = value.path("$ref").asString("");
			boolean described = !blank(value.get("description")) || (!referred.isEmpty()
					&& !blank(schemas.path(referred.substring(referred.lastIndexOf('/') + 1)).get("description")));
			if (!described) {
				undescribed.add(where + "." + property.getKey());
			}
			describedProperties(where + "." + property.getKey(), value, schemas, seen, undescribed);
		}
	}

	/**
	 * Every operation that answers CSV (asked with {@code ?format=csv}, the request of
	 * its example) documents the {@code format} parameter, typed as the enum csv|json and
	 * described, and lists {@code text/csv} among its answers; an operation that does not
	 * answer CSV does not offer the parameter.
	 */
	@Test
	void everyOperationThatAnswersCsvDocumentsTheFormatParameter() {
		JsonNode docs = docs();
		Api api = new Api(this.port, this.json);
		List<String> wrong = new ArrayList<>();
		Set<String> csv = new TreeSet<>();
		for (Map.Entry<String, JsonNode> entry : examplesFile().path("examples").properties()) {
			String name = entry.getKey();
			String method = name.substring(0, name.indexOf(' '));
			JsonNode example = entry.getValue();
			String request = example.path("request").asString();
			String asCsv = request + (request.contains("?") ? "&" : "?") + "format=csv";
			HttpResponse<String> response = method.equals("GET") ? api.get(asCsv, "application/json")
					: api.post(asCsv, this.json.writeValueAsString(example.get("body")), "application/json", null);
			boolean answersCsv = response.statusCode() == 200
					&& response.headers().firstValue("Content-Type").orElse("").startsWith("text/csv");
			if (!answersCsv && response.statusCode() != 406) {
				wrong.add(name + ": " + asCsv + " answered " + response.statusCode() + " "
						+ response.headers().firstValue("Content-Type").orElse("") + ", neither CSV nor a 406");
			}
			JsonNode operation = docs.path("paths")
				.path(name.substring(name.indexOf(' ') + 1))
				.path(method.toLowerCase());
			JsonNode format = null;
			for (JsonNode parameter : operation.path("parameters")) {
				if (parameter.path("name").asString().equals("format")
						&& parameter.path("in").asString().equals("query")) {
					format = parameter;
				}
			}
			if (!answersCsv) {
				if (format != null) {
					wrong.add(name + ": documents format but " + asCsv + " answered " + response.statusCode());
				}
				continue;
			}
			csv.add(name);
			if (format == null) {
				wrong.add(name + ": answers text/csv but lacks the format parameter");
				continue;
			}
			if (blank(format.get("description")) || format.path("required").asBoolean(false)) {
				wrong.add(name + ": format is not described or is required");
			}
			List<String> values = new ArrayList<>();
			format.path("schema").path("enum").forEach(value -> values.add(value.asString()));
			if (!format.path("schema").path("type").asString().equals("string")
					|| !Set.copyOf(values).equals(Set.of("csv", "json"))) {
				wrong.add(name + ": format is not the enum csv|json but " + format.path("schema"));
			}
			if (!operation.path("responses").path("200").path("content").has("text/csv")) {
				wrong.add(name + ": answers text/csv but its 200 response does not list it");
			}
		}
		assertThat(wrong).as("the format parameter of the operations that answer CSV").isEmpty();
		assertThat(csv).as("operations answering CSV")
			.contains("GET /api/chains/{productId}", "GET /api/exposure/matrix", "GET /api/data/report",
					"POST /api/scenarios", "GET /api/countries");
	}

	/**
	 * The answer with every list cut to its first {@code maxItems} items (none cut with
	 * 0): an excerpt of a long answer.
	 */
	private static JsonNode excerpt(JsonNode answer, int maxItems) {
		if (maxItems <= 0) {
			return answer;
		}
		if (answer.isArray()) {
			ArrayNode cut = JsonNodeFactory.instance.arrayNode();
			for (int i = 0; i < Math.min(maxItems, answer.size()); i++) {
				cut.add(excerpt(answer.get(i), maxItems));
			}
			return cut;
		}
		if (answer.isObject()) {
			ObjectNode cut = JsonNodeFactory.instance.objectNode();
			for (Map.Entry<String, JsonNode> field : answer.properties()) {
				cut.set(field.getKey(), excerpt(field.getValue(), maxItems));
			}
			return cut;
		}
		return answer;
	}

	/**
	 * The answer without the fields that vary from run to run ({@code ignore}: the time a
	 * query took), which only have to be there.
	 */
	private static JsonNode comparable(JsonNode answer, JsonNode example) {
		if (answer == null || !answer.isObject()) {
			return answer;
		}
		ObjectNode copy = ((ObjectNode) answer).deepCopy();
		for (JsonNode field : example.path("ignore")) {
			assertThat(copy.has(field.asString())).as("ignored field " + field.asString()).isTrue();
			copy.remove(field.asString());
		}
		return copy;
	}

	private JsonNode parameter(JsonNode operation, String name) {
		for (JsonNode parameter : operation.path("parameters")) {
			if (parameter.path("name").asString().equals(name)) {
				return parameter;
			}
		}
		throw new AssertionError("No parameter " + name);
	}

	private static boolean blank(JsonNode text) {
		return text == null || text.isNull() || text.asString().isBlank();
	}

	private JsonNode examplesFile() {
		try {
			return this.json.readTree(Files.readString(EXAMPLES, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private JsonNode docs() {
		return new Api(this.port, this.json).getOk("/v3/api-docs", JsonNode.class);
	}

}
