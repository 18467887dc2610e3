package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * The rules across rows of an import ({@link FactRules}), on typed rows built by hand (no
 * files, no database): production shares derived from quantities over the world total,
 * groups of shares adding up to at most 1, stages that fit the item, facts with a value,
 * suspensions, and bills of materials without cycles. Each error is located as
 * file:line:column (column name).
 */
class FactRulesTests {

	/**
	 * The headers of the files whose errors are located (the column numbers follow from
	 * them).
	 */
	static final Map<ImportFile, String> HEADERS = Map.of(ImportFile.PRODUCTION,
			"country,item,stage,year,quantity,unit,share,published_as,source,note", ImportFile.WORLD_TOTALS,
			"item,stage,year,quantity,unit,source,note", ImportFile.SOURCING,
			"buyer,supplier,item,stage,year,share,quantity,unit,source,note", ImportFile.BOM,
			"product,input,quantity,unit,year,source,note", ImportFile.MEASURES,
			"id,name,imposer,type,announced,effective,suspended_from,suspended_until,ended,rate,year,source,note",
			ImportFile.STOCKPILES,
			"holder,mineral,year,quantity,unit,days_of_cover,value_usd,published_as,source,note");

	final Map<ImportFile, List<Map<String, Object>>> typed = new EnumMap<>(ImportFile.class);

	final List<ImportError> errors = new ArrayList<>();

	final List<String> warnings = new ArrayList<>();

	FactRulesTests() {
		for (ImportFile file : ImportFile.values()) {
			this.typed.put(file, new ArrayList<>());
		}
		row(ImportFile.PRODUCTS, 2, "id", "ndfeb-magnet");
		row(ImportFile.PRODUCTS, 3, "id", "wind-turbine");
	}

	@Test
	void derivesEachCountrysShareFromItsQuantityOverTheWorldTotal() {
		// fixtures/basic's gallium: CHN 980 t and JPN 10 t of a world total of 1,000 t
		// (other countries
		// included), USA withheld: 980 / 1000 = 0.98, 10 / 1000 = 0.01, USA no share
		Map<String, Object> china = production(2, "CHN", "gallium", "REFINING", 980.0, "t", null);
		Map<String, Object> japan = production(3, "JPN", "gallium", "REFINING", 10.0, "t", null);
		Map<String, Object> usa = production(4, "USA", "gallium", "REFINING", null, null, null);
		usa.put("published_as", "W");
		worldTotal(2, "gallium", "REFINING", 1000.0, "t");

		check();

		assertThat(this.errors).isEmpty();
		assertThat(this.warnings).isEmpty();
		assertThat(china).containsEntry("share", 0.98).containsEntry("worldTotal", 1000.0);
		assertThat(japan).containsEntry("share", 0.01).containsEntry("worldTotal", 1000.0);
		assertThat(usa).doesNotContainKeys("share", "worldTotal");
	}

	@Test
	void withoutAWorldTotalSharesAreOfTheCountriesSum() {
		// 60 + 40 = 100: 60 / 100 = 0.6 and 40 / 100 = 0.4
		Map<String, Object> china = production(2, "CHN", "six", "REFINING", 60.0, "t", null);
		Map<String, Object> japan = production(3, "JPN", "six", "REFINING", 40.0, "t", null);

		check();

		assertThat(this.errors).isEmpty();
		assertThat(china).containsEntry("share", 0.6).containsEntry("worldTotal", 100.0);
		assertThat(japan).containsEntry("share", 0.4).containsEntry("worldTotal", 100.0);
	}

	@Test
	void countriesAddingUpToMoreThanTheWorldTotalAreAWarningAndSharesOfTheirSum() {
		// 66 + 44 = 110 > 100: shares of 110, 66 / 110 = 0.6 and 44 / 110 = 0.4
		Map<String, Object> china = production(2, "CHN", "m", "MINING", 66.0, "t", null);
		Map<String, Object> japan = production(3, "JPN", "m", "MINING", 44.0, "t", null);
		worldTotal(2, "m", "MINING", 100.0, "t");

		check();

		assertThat(this.errors).isEmpty();
		assertThat(this.warnings).containsExactly("production.csv [m, MINING, 2024, s1]: the countries add up to 110.0,"
				+ " more than the world total 100.0 (rounding?); shares are taken of their sum");
		assertThat(china).containsEntry("share", 0.6).containsEntry("worldTotal", 110.0);
		assertThat(japan).containsEntry("share", 0.4).containsEntry("worldTotal", 110.0);
	}

	@Test
	void refusesAQuantityInAnotherUnitThanTheWorldTotal() {
		production(2, "CHN", "gallium", "REFINING", 980.0, "t", null);
		production(3, "JPN", "gallium", "REFINING", 10000.0, "kg", null);
		worldTotal(5, "gallium", "REFINING", 1000.0, "t");

		check();

		assertThat(this.errors).extracting(ImportError::toString)
			.containsExactly("production.csv:3:6 (unit): unit \"kg\" differs from the world total's \"t\" in"
					+ " world_totals.csv line 5");
	}

	@Test
	void refusesAShareInAGroupThatGivesQuantities() {
		production(2, "CHN", "gallium", "REFINING", 980.0, "t", null);
		production(3, "JPN", "gallium", "REFINING", null, null, 0.01);

		check();

		assertThat(this.errors).extracting(ImportError::toString)
			.containsExactly("production.csv:3:7 (share): the group [gallium, REFINING, 2024, s1] gives quantities;"
					+ " a share here would be typed in twice (shares are derived from quantities)");
	}

	@Test
	void sharesOfAGroupMayAddUpToOnePlusRoundingButNoMore() {
		// 0.5 + 0.5000005 = 1.0000005: within the tolerance of 1e-6; 0.75 + 0.5 = 1.25 is
		// not
		production(2, "CHN", "a", "REFINING", null, null, 0.5);
		production(3, "JPN", "a", "REFINING", null, null, 0.5000005);
		production(4, "CHN", "b", "REFINING", null, null, 0.75);
		production(5, "JPN", "b", "REFINING", null, null, 0.5);

		check();

		assertThat(this.errors).extracting(ImportError::toString)
			.containsExactly(
					"production.csv:5:7 (share): the shares of [b, REFINING, 2024, s1] add up to 1.25, more than 1");
	}

	@Test
	void refusesABuyersSourcingGroupAddingUpToMoreThanOne() {
		// moved down from ImporterIT: the EU buys its magnets from China 0.875 and itself
		// 0.5: 1.375
		sourcing(2, "EU", "CHN", 0.875);
		sourcing(3, "EU", "EU", 0.5);
		// another buyer's group is apart: 0.875 alone is fine
		sourcing(4, "USA", "CHN", 0.875);

		check();

		assertThat(this.errors).extracting(ImportError::toString)
			.containsExactly("sourcing.csv:3:6 (share): the shares of buyer/item/stage/year/source"
					+ " [EU, ndfeb-magnet, MANUFACTURING, 2024, src-b] add up to 1.375, more than 1");
	}

	@Test
	void manufacturingIsForProductsAndMiningAndRefiningForMinerals() {
		production(2, "MYS", "ndfeb-magnet", "REFINING", null, null, 0.045);
		production(3, "CHN", "gallium", "MANUFACTURING", null, null, 0.5);
		production(4, "CHN", "ndfeb-magnet", "MANUFACTURING", null, null, 0.9);

		check();

		assertThat(this.errors).extracting(ImportError::toString)
			.containsExactly(
					"production.csv:2:3 (stage): REFINING is for minerals, but ndfeb-magnet is a product (use MANUFACTURING)",
					"production.csv:3:3 (stage): MANUFACTURING is for products, but gallium is a mineral (use MINING or REFINING)");
	}

	@Test
	void aFactNeedsAValue() {
		production(2, "CHN", "gallium", "REFINING", null, null, null);
		row(ImportFile.STOCKPILES, 7, "holder", "JPN", "mineral", "rare-earths", "year", 2024L, "source", "s1");

		check();

		assertThat(this.errors).extracting(ImportError::toString)
			.containsExactly(
					"production.csv:2:5 (quantity): a fact needs a value: fill one of quantity, share, published_as",
					"stockpiles.csv:7:4 (quantity): a fact needs a value: fill one of quantity, days_of_cover, value_usd,"
							+ " published_as");
	}

	@Test
	void aSuspensionNeedsBothDatesInOrder() {
		LocalDate from = LocalDate.of(2025, 11, 10);
		LocalDate until = LocalDate.of(2026, 11, 27);
		row(ImportFile.MEASURES, 2, "id", "ok", "suspended_from", from, "suspended_until", until);
		row(ImportFile.MEASURES, 3, "id", "no-end", "suspended_from", from);
		row(ImportFile.MEASURES, 4, "id", "no-start", "suspended_until", until);
		row(ImportFile.MEASURES, 5, "id", "reversed", "suspended_from", until, "suspended_until", from);

		check();

		assertThat(this.errors).extracting(ImportError::toString)
			.containsExactly(
					"measures.csv:3:8 (suspended_until): a suspension needs both suspended_from and suspended_until",
					"measures.csv:4:7 (suspended_from): a suspension needs both suspended_from and suspended_until",
					"measures.csv:5:8 (suspended_until): suspended_until is before suspended_from");
	}

	@Test
	void refusesACycleInTheBillOfMaterialsNamingIt() {
		// moved down from ImporterIT: fixtures/basic with the magnet made of the turbine
		bom(2, "wind-turbine", "ndfeb-magnet");
		bom(3, "ndfeb-magnet", "wind-turbine");

		check();

		assertThat(this.errors).extracting(ImportError::toString)
			.containsExactly("bom.csv:3:2 (input): the bill of materials has a cycle:"
					+ " wind-turbine -> ndfeb-magnet -> wind-turbine");
	}

	@Test
	void namesOnlyTheCycleNotThePathThatLeadsToIt() {
		// a -> b -> c -> b: the cycle is b -> c -> b, found at c's row
		bom(2, "a", "b");
		bom(3, "b", "c");
		bom(4, "c", "b");

		check();

		assertThat(this.errors).extracting(ImportError::toString)
			.containsExactly("bom.csv:4:2 (input): the bill of materials has a cycle: b -> c -> b");
	}

	@Test
	void aSharedInputIsNoCycle() {
		// a diamond: p needs x and y, both need m
		bom(2, "p", "x");
		bom(3, "p", "y");
		bom(4, "x", "m");
		bom(5, "y", "m");

		check();

		assertThat(this.errors).isEmpty();
	}

	private void check() {
		Map<ImportFile, CsvTable> tables = new EnumMap<>(ImportFile.class);
		HEADERS.forEach((file, header) -> tables.put(file,
				new CsvTable(file.fileName(), List.of(header.split(",")), List.of())));
		new FactRules(tables, this.typed, this.errors, this.warnings).check();
	}

	private Map<String, Object> production(int line, String country, String item, String stage, Double quantity,
			String unit, Double share) {
		return row(ImportFile.PRODUCTION, line, "country", country, "item", item, "stage", stage, "year", 2024L,
				"quantity", quantity, "unit", unit, "share", share, "source", "s1");
	}

	private void worldTotal(int line, String item, String stage, double quantity, String unit) {
		row(ImportFile.WORLD_TOTALS, line, "item", item, "stage", stage, "year", 2024L, "quantity", quantity, "unit",
				unit, "source", "s1");
	}

	private void sourcing(int line, String buyer, String supplier, double share) {
		row(ImportFile.SOURCING, line, "buyer", buyer, "supplier", supplier, "item", "ndfeb-magnet", "stage",
				"MANUFACTURING", "year", 2024L, "share", share, "source", "src-b");
	}

	private void bom(int line, String product, String input) {
		row(ImportFile.BOM, line, "product", product, "input", input, "year", 2024L, "source", "s1");
	}

	/**
	 * A typed row as the validator makes it: its line, and only the cells that are not
	 * empty.
	 */
	private Map<String, Object> row(ImportFile file, int line, Object... cells) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("_line", line);
		for (int i = 0; i < cells.length; i += 2) {
			if (cells[i + 1] != null) {
				row.put((String) cells[i], cells[i + 1]);
			}
		}
		this.typed.get(file).add(row);
		return row;
	}

}
