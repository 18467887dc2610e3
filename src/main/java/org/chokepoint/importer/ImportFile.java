package org.chokepoint.importer;

import static org.chokepoint.importer.Column.optional;
import static org.chokepoint.importer.Column.required;
import static org.chokepoint.importer.ColumnType.*;

import java.util.List;

/**
 * The files of an import folder, in the order they are read, with their columns and the
 * columns that make a row unique. {@code import/README.md} documents each; the two must
 * not drift (a test checks that every column here is named in the README).
 */
enum ImportFile {

	SOURCES("sources.csv", List.of("id"), required("id", SLUG), required("title", TEXT), optional("publisher", TEXT),
			required("year", YEAR), optional("url", TEXT), required("quality", QUALITY), optional("note", TEXT)),
	COUNTRIES("countries.csv", List.of("iso3"), required("iso3", NEW_ISO3), required("name", TEXT)),
	BLOCS("blocs.csv", List.of("code"), required("code", NEW_BLOC), required("name", TEXT), optional("note", TEXT)),
	MINERALS("minerals.csv", List.of("id"), required("id", SLUG), required("name", TEXT), optional("basis", TEXT),
			optional("note", TEXT)),
	PRODUCTS("products.csv", List.of("id"), required("id", SLUG), required("name", TEXT),
			required("kind", PRODUCT_KIND), optional("note", TEXT)),
	HS_CODES("hs_codes.csv", List.of("hs6"), required("hs6", NEW_HS6), required("item", ITEM), required("stage", STAGE),
			required("factor", FACTOR), required("factor_source", SOURCE), optional("note", TEXT)),
	AGREEMENTS("agreements.csv", List.of("id"), required("id", ID), required("name", TEXT),
			required("type", AGREEMENT_TYPE), optional("signed", DATE), optional("in_force", DATE),
			optional("ended", DATE), required("critical_minerals", BOOLEAN), required("year", YEAR),
			required("source", SOURCE), optional("note", TEXT)),
	MEASURES("measures.csv", List.of("id"), required("id", ID), required("name", TEXT), required("imposer", COUNTRY),
			required("type", MEASURE_TYPE), optional("announced", DATE), optional("effective", DATE),
			optional("suspended_from", DATE), optional("suspended_until", DATE), optional("ended", DATE),
			optional("status_unknown_from", DATE), optional("rate", QUANTITY), required("year", YEAR),
			required("source", SOURCE), optional("note", TEXT)),
	MEMBERSHIPS("memberships.csv", List.of("country", "bloc", "source"), required("country", COUNTRY),
			required("bloc", BLOC), optional("since", DATE), required("year", YEAR), required("source", SOURCE)),
	PRODUCTION("production.csv", List.of("country", "item", "stage", "year", "source"), required("country", COUNTRY),
			required("item", ITEM), required("stage", STAGE), required("year", YEAR), optional("quantity", QUANTITY),
			optional("unit", TEXT), optional("share", SHARE), optional("published_as", TEXT),
			required("source", SOURCE), optional("note", TEXT)),
	WORLD_TOTALS("world_totals.csv", List.of("item", "stage", "year", "source"), required("item", ITEM),
			required("stage", STAGE), required("year", YEAR), required("quantity", QUANTITY),
			optional("other_countries", QUANTITY), required("unit", TEXT), required("source", SOURCE),
			optional("note", TEXT)),
	RESERVES("reserves.csv", List.of("country", "mineral", "year", "source"), required("country", COUNTRY),
			required("mineral", MINERAL), required("year", YEAR), optional("quantity", QUANTITY),
			optional("unit", TEXT), optional("published_as", TEXT), required("source", SOURCE), optional("note", TEXT)),
	SOURCING("sourcing.csv", List.of("buyer", "supplier", "item", "stage", "year", "source"), required("buyer", PARTY),
			required("supplier", PARTY), required("item", ITEM), required("stage", STAGE), required("year", YEAR),
			required("share", SHARE), required("basis", BASIS), optional("quantity", QUANTITY), optional("unit", TEXT),
			required("source", SOURCE), optional("note", TEXT)),
	/**
	 * Bilateral trade (BACI, Comtrade): read by {@link TradeFlows}, streaming, never as a
	 * table of rows; rows of one (importer, exporter, item, stage, year, source) add up
	 * (several HS codes of one item).
	 */
	TRADE_FLOWS("trade_flows.csv", List.of(), required("year", YEAR), required("exporter", COUNTRY),
			required("importer", COUNTRY), required("item", TRADE_ITEM), optional("stage", STAGE),
			required("quantity", QUANTITY), required("unit", TEXT), required("source", SOURCE)),
	IMPORT_RELIANCE("import_reliance.csv", List.of("party", "mineral", "year", "source"), required("party", PARTY),
			required("mineral", MINERAL), required("year", YEAR), optional("share", SHARE),
			optional("published_as", TEXT), required("source", SOURCE), optional("note", TEXT)),
	BOM("bom.csv", List.of("product", "input", "source"), required("product", PRODUCT), required("input", ITEM),
			optional("quantity", QUANTITY), optional("unit", TEXT), required("year", YEAR), required("source", SOURCE),
			optional("note", TEXT)),
	AGREEMENT_PARTIES("agreement_parties.csv", List.of("agreement", "party"), required("agreement", AGREEMENT),
			required("party", PARTY), optional("role", TEXT), optional("since", DATE), required("year", YEAR),
			required("source", SOURCE)),
	AGREEMENT_ITEMS("agreement_items.csv", List.of("agreement", "item"), required("agreement", AGREEMENT),
			required("item", ITEM), required("year", YEAR), required("source", SOURCE)),
	MEASURE_ITEMS("measure_items.csv", List.of("measure", "item"), required("measure", MEASURE), required("item", ITEM),
			required("source", SOURCE)),
	MEASURE_TARGETS("measure_targets.csv", List.of("measure", "target"), required("measure", MEASURE),
			required("target", PARTY), required("source", SOURCE)),
	STOCKPILES("stockpiles.csv", List.of("holder", "mineral", "year", "source"), required("holder", PARTY),
			required("mineral", MINERAL), required("year", YEAR), optional("quantity", QUANTITY),
			optional("unit", TEXT), optional("days_of_cover", QUANTITY), optional("value_usd", QUANTITY),
			optional("published_as", TEXT), required("source", SOURCE), optional("note", TEXT));

	private final String fileName;

	private final List<String> key;

	private final List<Column> columns;

	ImportFile(String fileName, List<String> key, Column... columns) {
		this.fileName = fileName;
		this.key = key;
		this.columns = List.of(columns);
	}

	String fileName() {
		return this.fileName;
	}

	List<String> key() {
		return this.key;
	}

	List<Column> columns() {
		return this.columns;
	}

}
