package org.chokepoint.importer;

/** The type of a CSV column: how a cell is checked and what it becomes in the graph. */
enum ColumnType {

	/** Free text. */
	TEXT,
	/**
	 * A new mineral, product or source key: a lower-case slug such as
	 * {@code ndfeb-magnet}.
	 */
	SLUG,
	/**
	 * A new agreement or measure key: letters, digits, and single dashes, dots or
	 * underscores between them.
	 */
	ID,
	/** A new country: a real ISO 3166-1 alpha-3 code. */
	NEW_ISO3,
	/** A new bloc code: upper-case letters, digits and dashes. */
	NEW_BLOC,
	/** A country of countries.csv. */
	COUNTRY,
	/** A bloc of blocs.csv. */
	BLOC,
	/** A country or a bloc. */
	PARTY,
	/** A mineral of minerals.csv. */
	MINERAL,
	/** A product of products.csv. */
	PRODUCT,
	/** A mineral or a product. */
	ITEM,
	/**
	 * A new Harmonized System code (hs_codes.csv): six digits, or a four-digit heading
	 * where a source publishes no more detail (UN Comtrade extracts of 7502, 8110).
	 */
	NEW_HS6,
	/**
	 * A mineral or a product, or an HS code of hs_codes.csv that stands for one at a
	 * stage.
	 */
	TRADE_ITEM,
	/** A source of sources.csv. */
	SOURCE,
	/** An agreement of agreements.csv. */
	AGREEMENT,
	/** A measure of measures.csv. */
	MEASURE,
	/** A finite, non-negative number. */
	QUANTITY,
	/**
	 * A finite number above 0: a conversion factor, which a 0 would turn into a silent
	 * loss of every flow.
	 */
	FACTOR,
	/** A fraction in 0..1. */
	SHARE,
	/** A year, 1900..2100. */
	YEAR,
	/** An ISO date, YYYY-MM-DD. */
	DATE,
	/** true or false. */
	BOOLEAN,
	/** MINING, REFINING or MANUFACTURING. */
	STAGE,
	/** COMPONENT or END_PRODUCT. */
	PRODUCT_KIND,
	/** official, secondary or estimate. */
	QUALITY,
	/** The kinds of agreement. */
	AGREEMENT_TYPE,
	/** The kinds of trade measure. */
	MEASURE_TYPE,
	/**
	 * What a sourcing share is a share of: {@code supply} (the buyer's whole supply, its
	 * own output included) or {@code imports} (its imports only). Required, because
	 * reading one as the other changes every figure built on it (domain.md, "A buyer's
	 * supply").
	 */
	BASIS

}
