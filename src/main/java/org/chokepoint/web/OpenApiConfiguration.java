package org.chokepoint.web;

import java.util.List;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.servers.Server;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * The OpenAPI description at {@code /v3/api-docs}, shown by Swagger UI at
 * {@code /swagger-ui.html}: the {@code /api} operations only (springdoc's
 * {@code paths-to-match}), grouped by the tags of {@link ApiTags}, their parameters
 * described by {@link ApiParameters}, the error answers of {@link ProblemResponses} and
 * the examples of {@link OperationExamples} on every operation, and the {@code format}
 * parameter on those that answer CSV ({@link CsvFormatParameter}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {

	@Bean
	OpenAPI chokepointOpenApi() {
		return new OpenAPI()
			.info(new Info().title("Chokepoint: critical-mineral supply chains")
				.version("0.1.0")
				.description("""
						A graph knowledge base of critical-mineral supply chains: where a consumer's supply of a \
						product comes from, stage by stage (mining, refining, manufacturing), how much of it depends \
						on China, and where the single points of failure are.

						- Shares are fractions 0..1; every fact names its year and source (GET /api/sources/{id}).
						- Keys (countries, blocs, minerals, products) are case-insensitive where that names one \
						thing, and names work where unique (`Germany`, `gallium`); an unknown key is a 404 whose \
						problem detail suggests up to three close keys (`suggestions`).
						- `year` picks the facts of that year or the newest before it; a year before the data's \
						first year is a 400 listing `availableYears`.
						- Errors are RFC 9457 problem details (`application/problem+json`).
						- `GET /api` lists the resources with links.""")
				.license(new License().name("Application: see README; embedded Neo4j Community: GPLv3")
					.url("https://www.gnu.org/licenses/gpl-3.0.html")))
			// relative: the host and port this document was fetched from
			.servers(List.of(new Server().url("/").description("This Chokepoint instance")))
			.tags(ApiTags.ALL);
	}

	@Bean
	OpenApiCustomizer problemResponses() {
		return new ProblemResponses();
	}

	@Bean
	OperationCustomizer csvFormatParameter(ObjectProvider<RequestMappingHandlerAdapter> adapter) {
		return new CsvFormatParameter(adapter);
	}

	@Bean
	OpenApiCustomizer operationExamples(JsonMapper json) {
		return new OperationExamples(json);
	}

}
