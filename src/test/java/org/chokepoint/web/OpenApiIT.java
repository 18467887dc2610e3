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
 * The OpenAPI description: every /api operation listed and summarised (the rest of what
 * it must hold: {@link OpenApiDocumentationIT}).
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
		assertThat(apiPaths).contains("/api/countries", "/api/countries/{iso3}", "/api/blocs", "/api/minerals",
				"/api/minerals/{id}", "/api/minerals/{id}/concentration", "/api/products", "/api/products/{id}",
				"/api/agreements", "/api/agreements/{id}", "/api/measures", "/api/measures/{id}", "/api/sources",
				"/api/sources/{id}", "/api/chains/{productId}", "/api/exposure", "/api/exposure/trend",
				"/api/exposure/matrix", "/api/spof", "/api/scenarios", "/api/cypher", "/api/data/report",
				"/api/admin/import");
		assertThat(withoutSummary).isEmpty();
	}

	private JsonNode docs() {
		return new Api(this.port, this.json).getOk("/v3/api-docs", JsonNode.class);
	}

}
