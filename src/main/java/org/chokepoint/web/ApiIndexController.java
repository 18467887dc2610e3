package org.chokepoint.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api}: what the API offers, each resource with a link and a line, and where
 * its full description is.
 */
@Tag(name = ApiTags.INDEX)
@RestController
class ApiIndexController {

	static final ApiIndex INDEX = new ApiIndex("Chokepoint: critical-mineral supply chains", "/v3/api-docs",
			"/swagger-ui.html",
			List.of(new Link("countries", "/api/countries", "Countries, paged"),
					new Link("country", "/api/countries/{iso3}", "A country: memberships, agreements, output"),
					new Link("blocs", "/api/blocs", "Blocs (EU, G7, ...), paged"),
					new Link("minerals", "/api/minerals", "Minerals, paged"),
					new Link("mineral", "/api/minerals/{id}", "A mineral: producers per stage and year"),
					new Link("concentration", "/api/minerals/{id}/concentration?year=2024",
							"HHI, top-3 and China share per stage"),
					new Link("products", "/api/products", "Products, paged"),
					new Link("product", "/api/products/{id}", "A product: bill of materials, manufacturers"),
					new Link("chain", "/api/chains/{productId}?consumer={consumer}",
							"A product's supply chain for a consumer"),
					new Link("exposure", "/api/exposure?consumer={consumer}", "Every product's China exposure"),
					new Link("trend", "/api/exposure/trend?consumer={consumer}&product={productId}",
							"China exposure year by year"),
					new Link("matrix", "/api/exposure/matrix?year=2024",
							"Every consumer with data by every product: China exposure, unknown and China-free"
									+ " shares, worst input, single points of failure"),
					new Link("spof", "/api/spof?consumer={consumer}", "Every product's single points of failure"),
					new Link("scenarios", "/api/scenarios", "POST: what a disruption would cut"),
					new Link("agreements", "/api/agreements", "Agreements, paged"),
					new Link("agreement", "/api/agreements/{id}", "An agreement: its parties and what it covers"),
					new Link("measures", "/api/measures", "Trade measures, paged"),
					new Link("measure", "/api/measures/{id}",
							"A trade measure: its imposer, what it restricts, whom it targets"),
					new Link("sources", "/api/sources", "The sources facts cite, paged"),
					new Link("source", "/api/sources/{id}",
							"A source: title, publisher, URL, and the facts that cite it"),
					new Link("data-report", "/api/data/report", "What the data holds and where it is thin"),
					new Link("cypher", "/api/cypher", "POST: a read-only Cypher query"),
					new Link("import", "/api/admin/import", "POST, admin only: import a folder of CSV files"),
					new Link("trade-import", "/api/admin/import/trade",
							"POST, admin only: add trade flows; DELETE: remove a (source, year) of them")));

	@Operation(summary = "The API's resources, with links",
			description = "Every resource of the API with its link (a template where it takes a key) and a line"
					+ " on what it answers, and where the OpenAPI description and Swagger UI are.")
	@GetMapping("/api")
	ApiIndex index() {
		return INDEX;
	}

	/**
	 * @param title the API
	 * @param openApi the OpenAPI description
	 * @param swaggerUi the same, readable
	 * @param resources what there is
	 */
	record ApiIndex(String title, String openApi, String swaggerUi, List<Link> resources) {
	}

	/**
	 * @param name a short name
	 * @param href the path, with {placeholders} for keys
	 * @param description what it answers
	 */
	record Link(String name, String href, String description) {
	}

}
