package org.chokepoint.web;

import java.util.List;

import io.swagger.v3.oas.models.tags.Tag;

/**
 * The groups of the API in the OpenAPI description, one per feature:
 * {@code @Tag(name = ApiTags.CHAINS)} on a controller. {@link #ALL} gives each its
 * description, in the order Swagger UI shows them.
 */
public final class ApiTags {

	public static final String INDEX = "Index";

	public static final String CHAINS = "Supply chains";

	public static final String SCENARIOS = "Scenarios";

	public static final String COUNTRIES = "Countries and blocs";

	public static final String MINERALS = "Minerals";

	public static final String PRODUCTS = "Products";

	public static final String AGREEMENTS = "Agreements";

	public static final String MEASURES = "Trade measures";

	public static final String SOURCES = "Sources";

	public static final String DATA = "Data report";

	public static final String CYPHER = "Ad-hoc Cypher";

	public static final String ADMIN = "Administration";

	/** Every tag with its description. */
	public static final List<Tag> ALL = List.of(tag(INDEX, "What the API offers: its resources, with links."),
			tag(CHAINS, "The analyses of a consumer's supply: a product's chain stage by stage, every product's China"
					+ " exposure and single points of failure, a mineral's concentration, trends over the years."),
			tag(SCENARIOS, "What-if: what a disruption, or the trade measures in force on a date, would cut."),
			tag(COUNTRIES, "Countries and blocs (consumers and parties), with memberships, agreements and output."),
			tag(MINERALS, "Minerals and their producers per stage and year."),
			tag(PRODUCTS, "Products, their bills of materials and their manufacturers."),
			tag(AGREEMENTS, "Agreements between countries and blocs, and what they cover."),
			tag(MEASURES, "Trade measures: export bans, licences, tariffs; who imposes them on whom."),
			tag(SOURCES, "The sources every fact cites, with their quality."),
			tag(DATA, "What the knowledge base holds, and where it is thin or disagrees."),
			tag(CYPHER, "Read-only Cypher queries of the graph, answered as columns and rows."),
			tag(ADMIN, "Loading data (admin only)."));

	private ApiTags() {
	}

	private static Tag tag(String name, String description) {
		return new Tag().name(name).description(description);
	}

}
