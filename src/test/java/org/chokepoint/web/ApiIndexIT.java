package org.chokepoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;

import org.chokepoint.Api;
import org.chokepoint.ChokepointTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code GET /api} lists the resources, and every link leads to an operation of the API.
 */
@ChokepointTest
class ApiIndexIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void theIndexLinksEveryResourceAndEachLinkIsAnOperation() {
		Api api = new Api(this.port, this.json);
		JsonNode index = api.getOk("/api", JsonNode.class);
		assertThat(index.get("openApi").asString()).isEqualTo("/v3/api-docs");
		Set<String> linked = new TreeSet<>();
		for (JsonNode resource : index.get("resources")) {
			assertThat(resource.get("description").asString()).isNotBlank();
			linked.add(resource.get("href").asString().replaceAll("\\?.*", ""));
		}
		Set<String> paths = new TreeSet<>(api.getOk("/v3/api-docs", JsonNode.class).get("paths").propertyNames());
		paths.remove("/api");
		assertThat(paths).as("the API's paths").containsAll(linked);
		assertThat(linked).contains("/api/chains/{productId}", "/api/countries", "/api/exposure", "/api/data/report");
		for (String path : linked) {
			if (!path.contains("{") && !path.equals("/api/scenarios") && !path.equals("/api/cypher")
					&& !path.startsWith("/api/admin") && !path.equals("/api/exposure") && !path.equals("/api/spof")) {
				assertThat(api.get(path).statusCode()).as(path).isEqualTo(200);
			}
		}
	}

}
