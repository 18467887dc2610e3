package org.chokepoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.chokepoint.Api;
import org.chokepoint.ChokepointTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The OpenAPI description: every /api operation summarised, real examples for the main
 * analyses.
 */
@ChokepointTest
class OpenApiIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void everyApiPathIsListedWithASummaryForEachOperation() {
		JsonNode paths = docs().get("paths");
		List<String> apiPaths = new ArrayList<>();
		List<String> withoutSummary = new ArrayList<>();
		for (Map.Entry<String, JsonNode> path : paths.properties()) {
			if (!path.getKey().startsWith("/api/")) {
				continue;
			}
			apiPaths.add(path.getKey());
			for (Map.Entry<String, JsonNode> operation : path.getValue().properties()) {
				JsonNode summary = operation.getValue().get("summary");
				if (summary == null || summary.asString().isBlank()) {
					withoutSummary.add(operation.getKey().toUpperCase() + " " + path.getKey());
				}
			}
		}
		assertThat(apiPaths).containsExactlyInAnyOrder("/api/countries", "/api/countries/{iso3}", "/api/blocs",
				"/api/minerals", "/api/minerals/{id}", "/api/minerals/{id}/concentration", "/api/products",
				"/api/products/{id}", "/api/agreements", "/api/agreements/{id}", "/api/measures", "/api/measures/{id}",
				"/api/sources", "/api/sources/{id}", "/api/chains/{productId}", "/api/exposure", "/api/exposure/trend",
				"/api/spof", "/api/scenarios", "/api/cypher", "/api/data/report", "/api/admin/import");
		assertThat(withoutSummary).isEmpty();
	}

	@Test
	void theChainTheExposureAndTheConcentrationShowARealExample() {
		JsonNode paths = docs().get("paths");
		JsonNode chain = example(paths, "/api/chains/{productId}", "application/json", "eu-magnets");
		assertThat(chain.get("chinaExposure").asDouble()).isEqualTo(0.922368996112207);
		assertThat(chain.get("worstInput").asString()).isEqualTo("magnet-rare-earths");
		JsonNode exposure = example(paths, "/api/exposure", "application/json", "eu");
		assertThat(exposure.get("items").get(0).get("product").asString()).isEqualTo("battery-electric-car");
		assertThat(example(paths, "/api/exposure", "text/csv", "eu-csv").asString())
			.startsWith("consumer,year,product,china_exposure_fraction,");
		JsonNode gallium = example(paths, "/api/minerals/{id}/concentration", "application/json", "gallium");
		assertThat(gallium.get("stages").get(0).get("chinaShare").asDouble()).isEqualTo(0.9893867924528302);
	}

	private JsonNode docs() {
		return new Api(this.port, this.json).getOk("/v3/api-docs", JsonNode.class);
	}

	private static JsonNode example(JsonNode paths, String path, String mediaType, String name) {
		JsonNode example = paths.get(path)
			.get("get")
			.get("responses")
			.get("200")
			.get("content")
			.get(mediaType)
			.get("examples")
			.get(name)
			.get("value");
		assertThat(example).as(path + " " + mediaType + " " + name).isNotNull();
		return example;
	}

}
