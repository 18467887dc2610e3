package org.chokepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every {@code chokepoint.*} property is documented: the configuration processor turns
 * each {@code @param} line of a {@code @ConfigurationProperties} record into the
 * description an IDE shows, so a property added without one is caught here, not by a
 * puzzled operator.
 */
class ConfigurationMetadataTests {

	@Test
	void everyChokepointPropertyHasADescription() throws IOException {
		JsonNode metadata;
		try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("metadata written by spring-boot-configuration-processor").isNotNull();
			metadata = JsonMapper.builder().build().readTree(in);
		}
		List<String> names = new ArrayList<>();
		List<String> undocumented = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith("chokepoint.")) {
				names.add(name);
				if (!property.hasNonNull("description") || property.get("description").asString().isBlank()) {
					undocumented.add(name);
				}
			}
		}
		assertThat(names).contains("chokepoint.http.max-body-size", "chokepoint.import.batch-size",
				"chokepoint.embedded.data-dir", "chokepoint.security.admin-password", "chokepoint.cypher.max-rows");
		assertThat(undocumented).as("properties without a description").isEmpty();
	}

}
