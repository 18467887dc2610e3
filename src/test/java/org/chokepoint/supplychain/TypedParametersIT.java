package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import org.chokepoint.Api;
import org.chokepoint.ChokepointTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The analyses' parameters are typed in the OpenAPI description (a client generator gets
 * an integer year and a number threshold, with their bounds), and the figures of a chain
 * are fields of the answer's schema, as they are of the answer.
 */
@ChokepointTest
class TypedParametersIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void theChainsParametersAreTypedWithTheirBounds() {
		Map<String, JsonNode> parameters = parameters("/api/chains/{productId}");
		assertThat(parameters.get("year").get("type").asString()).isEqualTo("integer");
		assertThat(parameters.get("threshold").get("type").asString()).isEqualTo("number");
		assertThat(parameters.get("threshold").get("default").asDouble()).isEqualTo(0.5);
		assertThat(parameters.get("asOf").get("format").asString()).isEqualTo("date");
		assertThat(parameters.get("paths").get("type").asString()).isEqualTo("integer");
		assertThat(parameters("/api/exposure").get("year").get("type").asString()).isEqualTo("integer");
		assertThat(parameters("/api/spof").get("threshold").get("type").asString()).isEqualTo("number");
		assertThat(parameters("/api/minerals/{id}/concentration").get("year").get("type").asString())
			.isEqualTo("integer");
	}

	@Test
	void theFiguresAreFieldsOfTheChainsSchema() {
		JsonNode properties = docs().at("/components/schemas/ChainAnalysis/properties");
		assertThat(properties.has("chinaExposure")).isTrue();
		assertThat(properties.has("chinaFreeShare")).isTrue();
		assertThat(properties.has("figures")).isFalse();
	}

	/** The parameters of a GET, by name: their schemas. */
	private Map<String, JsonNode> parameters(String path) {
		Map<String, JsonNode> parameters = new HashMap<>();
		docs().get("paths")
			.get(path)
			.get("get")
			.get("parameters")
			.forEach(p -> parameters.put(p.get("name").asString(), p.get("schema")));
		return parameters;
	}

	private JsonNode docs() {
		return new Api(this.port, this.json).getOk("/v3/api-docs", JsonNode.class);
	}

}
