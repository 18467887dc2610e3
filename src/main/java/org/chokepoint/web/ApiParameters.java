package org.chokepoint.web;

/**
 * The descriptions of the API's parameters, one wording for a parameter wherever it
 * appears: {@code @Parameter(description = ApiParameters.YEAR)}. The OpenAPI description
 * shows them; {@code OpenApiDocumentationIT} fails when an {@code /api} parameter has
 * none.
 */
public final class ApiParameters {

	/** How keys are matched, appended to every key's description. */
	public static final String KEY_MATCHING = " Case-insensitive where that names one thing; a unique name works too."
			+ " An unknown key is a 404 that suggests up to three close keys.";

	public static final String CONSUMER = "The consumer: ISO3 code of a country or code of a bloc (EU), or its name"
			+ " (Germany)." + KEY_MATCHING;

	public static final String PRODUCT_ID = "The product: its id (ndfeb-magnet), or its name." + KEY_MATCHING;

	public static final String MINERAL_ID = "The mineral: its id (gallium), or its name." + KEY_MATCHING;

	public static final String SOURCING_BUYER = "List the sourcing rows (sourcing.csv rows and trade flows) of this"
			+ " buyer only: ISO3 code of a country or code of a bloc (EU), or its name. Without it, every buyer's"
			+ " (thousands of rows for an item with bilateral trade)." + KEY_MATCHING;

	public static final String COUNTRY_ISO3 = "The country or bloc: ISO3 code (CHN), bloc code (EU) or name (China)."
			+ KEY_MATCHING;

	public static final String AGREEMENT_ID = "The agreement's id, as listed by GET /api/agreements.";

	public static final String MEASURE_ID = "The trade measure's id, as listed by GET /api/measures.";

	public static final String SOURCE_ID = "The source's id, as cited by a fact's `source`.";

	public static final String YEAR = "The facts year: the facts of this year, or the newest before it (default:"
			+ " the current year). A year before the data's first year is a 400 that lists the years available;"
			+ " a later year uses the newest facts, and every fact in the answer names its own year.";

	public static final String FROM = "The first year of the trend (inclusive; default 2020)."
			+ " A year before the data's first year is a 400 that lists the years available.";

	public static final String TO = "The last year of the trend (inclusive; default: the current year); at most 50"
			+ " years after `from`.";

	public static final String THRESHOLD = "The stage share (0..1) from which a supplier is a chokepoint"
			+ " (default 0.5).";

	public static final String AS_OF = "The date (YYYY-MM-DD) on which agreements and trade measures must be in force"
			+ " (default: today).";

	public static final String PATHS = "How many of the heaviest supply paths to list, 0..100 (default 0: none).";

	public static final String SOURCING = "Whose supply mixes the chain buys at: `traced` (default), the producers a"
			+ " buyer's supply comes from through re-exports; `direct`, its trade partners as bought.";

	public static final String ENGINE = "How the chain is computed: `projection` (default), from the chain facts held"
			+ " in memory; `cypher`, by running cypher/queries/chain.cypher itself (the query Neo4j Browser users"
			+ " run), to compare the two on the same request: the same figures. On a large graph chain.cypher may need"
			+ " more memory than one transaction may use: a 422 says so.";

	public static final String DETAIL = "How much the answer lists: `summary` (default), at each stage the suppliers"
			+ " with at least 0.1 % of the supply (or the threshold, if lower) and the rest as `otherSuppliers`"
			+ " (count and summed share), per single point of failure the 10 largest alternatives and every allied"
			+ " one and the rest as `otherAlternatives`, the buyers' own mixes as one fact per source and year;"
			+ " `full`, every supplier, every alternative and each buyer's mix. The figures are the same.";

	public static final String SPOF_DETAIL = "How many alternatives each single point of failure lists: `summary`"
			+ " (default), the 10 largest and every allied one, the rest as `otherAlternatives` (count and summed"
			+ " world share); `full`, every one. The points of failure are the same.";

	public static final String CONSUMERS = "Comma-separated consumers (ISO3 or bloc codes, or names) to restrict the"
			+ " rows to (default: every consumer with a supply mix of its own)." + KEY_MATCHING;

	public static final String PRODUCTS = "Comma-separated products (ids, or names) to restrict the columns to"
			+ " (default: every product)." + KEY_MATCHING;

	public static final String PAGE = "The page, from 0 (default 0).";

	public static final String SIZE = "Items per page, 1..500 (default 50).";

	public static final String IN_FORCE_ON = "Only the measures in force on this date (YYYY-MM-DD); without it, all.";

	public static final String IMPORT_DIR = "A folder on the server holding the CSV files; without it, the data"
			+ " shipped with the application.";

	public static final String ALLOW_SHRINK = "Allow an import that would leave under half of the graph's entities or"
			+ " facts (refused otherwise); an import without a single data row is refused even so.";

	public static final String TRADE_DIR = "A folder on the server holding trade_flows.csv (and no other import file)"
			+ " with the (source, year) groups of trade flows to add.";

	public static final String TRADE_SOURCE = "The source id of the trade flows to remove (a slug of sources.csv,"
			+ " e.g. cepii-baci).";

	public static final String TRADE_YEAR = "The year of the trade flows to remove, 1900..2100.";

	public static final String FORMAT = "The answer's format: `csv`, CSV (RFC 4180, UTF-8) as an attachment named after"
			+ " what it holds, columns and units in docs/csv.md; or `json` (default). Ahead of the Accept header"
			+ " (which works too: text/csv), for a link where no header can be set; any other value is a 400.";

	private ApiParameters() {
	}

}
