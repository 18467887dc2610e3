package org.chokepoint.web;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description at {@code /v3/api-docs}, shown by Swagger UI at
 * {@code /swagger-ui.html}.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI chokepointOpenApi() {
		return new OpenAPI().info(new Info().title("Chokepoint")
			.version("0.1.0")
			.description("""
					A graph knowledge base of critical-mineral supply chains: where a consumer's supply of a
					product comes from, stage by stage (mining, refining, manufacturing), how much of it depends
					on China, and where the single points of failure are. Shares are fractions 0..1; every
					fact names its year and source (GET /api/sources/{id}).""")
			.license(new License().name("Application: see README; embedded Neo4j Community: GPLv3")));
	}

}
