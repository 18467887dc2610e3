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
 * {@code GET /api} lists the resources, every link leads to an operation of the API, and
 * every path of the API has a link.
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
		Set<String> plain = new TreeSet<>();
		for (JsonNode resource : index.get("resources")) {
			assertThat(resource.get("description").asString()).isNotBlank();
			String href = resource.get("href").asString();
			linked.add(href.replaceAll("\\?.*", ""));
			if (!href.contains("{") && !href.contains("?")
					&& !resource.get("description").asString().startsWith("POST")) {
				plain.add(href);
			}
		}
		Set<String> paths = new TreeSet<>(api.getOk("/v3/api-docs", JsonNode.class).get("paths").propertyNames());
		paths.remove("/api");
		assertThat(paths).as("the API's paths").containsAll(linked);
		// and every operation's path is in the index: none left out
		assertThat(linked).as("the index's links").containsAll(paths);
		assertThat(linked).contains("/api/exposure/matrix", "/api/chains/{productId}", "/api/countries",
				"/api/exposure", "/api/data/report");
		// a link that needs no key, parameter or body answers as it is
		assertThat(plain).contains("/api/countries", "/api/data/report");
		for (String path : plain) {
			assertThat(api.get(path).statusCode()).as(path).isEqualTo(200);
		}
	}

}
