package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The column rules of the import validator ({@link ImportValidator}, one per
 * {@link ColumnType}) and its rules over a file's rows (required cells, unique keys, one
 * key space for items and for parties), on small files read from text (no database). Each
 * error names file, line and column.
 */
class ImportValidatorTests {

	/** The reference files every case can point at. */
	static final Map<ImportFile, String> BASE = Map.of(ImportFile.SOURCES, """
			id,title,year,quality
			src-a,Source A,2025,official
			""", ImportFile.COUNTRIES, """
			iso3,name
			CHN,China
			JPN,Japan
			""", ImportFile.BLOCS, """
			code,name
			EU,European Union
			""", ImportFile.MINERALS, """
			id,name
			gallium,Gallium
			""", ImportFile.PRODUCTS, """
			id,name,kind
			ndfeb-magnet,NdFeB magnet,COMPONENT
			""", ImportFile.AGREEMENTS, """
			id,name,type,critical_minerals,year,source
			msp,Minerals Security Partnership,PARTNERSHIP,true,2022,src-a
			""", ImportFile.MEASURES, """
			id,name,imposer,type,year,source
			CN-2024-46,Ban,CHN,EXPORT_BAN,2024,src-a
			""");

	final List<ImportError> errors = new ArrayList<>();

	final Map<ImportFile, CsvTable> tables = new EnumMap<>(ImportFile.class);

	final Set<ImportFile> unreadable = EnumSet.noneOf(ImportFile.class);

	/**
	 * A cell and what it becomes: its typed value, or null when refused with
	 * {@code message}.
	 */
	static Stream<Arguments> cells() {
		String seventy = "0123456789".repeat(7);
		return Stream.of(
				// free text stays as it is
				Arguments.of(ColumnType.TEXT, "any text, even 1e309", "any text, even 1e309", null),
				// new keys: their pattern, and at most 200 characters
				Arguments.of(ColumnType.SLUG, "ndfeb-magnet", "ndfeb-magnet", null),
				Arguments.of(ColumnType.SLUG, "Wind Turbine", null,
						"\"Wind Turbine\" is not a lower-case slug such as ndfeb-magnet"),
				Arguments.of(ColumnType.SLUG, "a--b", null, "\"a--b\" is not a lower-case slug such as ndfeb-magnet"),
				Arguments.of(ColumnType.SLUG, "a".repeat(201), null,
						"\"" + "a".repeat(57) + "...\" is not a lower-case slug such as ndfeb-magnet"),
				Arguments.of(ColumnType.ID, "CN-2024-46", "CN-2024-46", null),
				Arguments.of(ColumnType.ID, "cn.2023_23", "cn.2023_23", null),
				Arguments.of(ColumnType.ID, "x'}) DETACH", null,
						"\"x'}) DETACH\" is not an id of letters, digits and single - . or _"),
				Arguments.of(ColumnType.NEW_BLOC, "G7-PLUS", "G7-PLUS", null),
				Arguments.of(ColumnType.NEW_BLOC, "eu", null, "\"eu\" is not an upper-case bloc code such as EU"),
				Arguments.of(ColumnType.NEW_HS6, "810292", "810292", null),
				Arguments.of(ColumnType.NEW_HS6, "81029", null,
						"\"81029\" is not an HS code of six digits such as 810292 (or a four-digit heading)"),
				Arguments.of(ColumnType.NEW_ISO3, "FRA", "FRA", null),
				Arguments.of(ColumnType.NEW_ISO3, "XYZ", null, "unknown ISO 3166-1 alpha-3 country code \"XYZ\""),
				// references to the keys of the other files
				Arguments.of(ColumnType.COUNTRY, "CHN", "CHN", null),
				Arguments.of(ColumnType.COUNTRY, "EU", null, "unknown country \"EU\" (not in countries.csv)"),
				Arguments.of(ColumnType.BLOC, "EU", "EU", null),
				Arguments.of(ColumnType.BLOC, "CHN", null, "unknown bloc \"CHN\" (not in blocs.csv)"),
				Arguments.of(ColumnType.PARTY, "EU", "EU", null), Arguments.of(ColumnType.PARTY, "JPN", "JPN", null),
				Arguments.of(ColumnType.PARTY, "ATLANTIS", null,
						"unknown country or bloc \"ATLANTIS\" (not in countries.csv nor blocs.csv)"),
				Arguments.of(ColumnType.MINERAL, "gallium", "gallium", null),
				Arguments.of(ColumnType.MINERAL, "ndfeb-magnet", null,
						"unknown mineral \"ndfeb-magnet\" (not in minerals.csv)"),
				Arguments.of(ColumnType.PRODUCT, "ndfeb-magnet", "ndfeb-magnet", null),
				Arguments.of(ColumnType.PRODUCT, "gallium", null, "unknown product \"gallium\" (not in products.csv)"),
				Arguments.of(ColumnType.ITEM, "gallium", "gallium", null),
				Arguments.of(ColumnType.ITEM, "ndfeb-magnet", "ndfeb-magnet", null),
				Arguments.of(ColumnType.ITEM, "unobtainium", null,
						"unknown item \"unobtainium\" (not in minerals.csv nor products.csv)"),
				Arguments.of(ColumnType.TRADE_ITEM, "gallium", "gallium", null),
				Arguments.of(ColumnType.TRADE_ITEM, "999999", null,
						"unknown item \"999999\" (not in minerals.csv, products.csv nor, as an HS code, hs_codes.csv)"),
				Arguments.of(ColumnType.SOURCE, "src-a", "src-a", null),
				Arguments.of(ColumnType.SOURCE, "src-z", null, "unknown source \"src-z\" (not in sources.csv)"),
				Arguments.of(ColumnType.AGREEMENT, "msp", "msp", null),
				Arguments.of(ColumnType.AGREEMENT, "nato", null, "unknown agreement \"nato\" (not in agreements.csv)"),
				Arguments.of(ColumnType.MEASURE, "CN-2024-46", "CN-2024-46", null),
				Arguments.of(ColumnType.MEASURE, "cn-2024-46", null,
						"unknown measure \"cn-2024-46\" (not in measures.csv)"),
				// numbers: finite, not negative, shares in 0..1, quantities up to 1e15
				Arguments.of(ColumnType.QUANTITY, "980", 980.0, null),
				Arguments.of(ColumnType.QUANTITY, "1e15", 1e15, null),
				Arguments.of(ColumnType.QUANTITY, "0", 0.0, null),
				Arguments.of(ColumnType.QUANTITY, "98O", null,
						"not a plain decimal number such as 12.5 or 1.2e6: \"98O\" (write a value published as text in published_as)"),
				// a long cell is quoted cut to 57 characters and "..."
				Arguments.of(ColumnType.QUANTITY, seventy + "x", null,
						"not a plain decimal number such as 12.5 or 1.2e6: \"" + seventy.substring(0, 57)
								+ "...\" (write a value published as text in published_as)"),
				Arguments.of(ColumnType.QUANTITY, "NaN", null, NOT_A_NUMBER + "\"NaN\"" + PUBLISHED_AS),
				Arguments.of(ColumnType.QUANTITY, "-Infinity", null, NOT_A_NUMBER + "\"-Infinity\"" + PUBLISHED_AS),
				// what Double.parseDouble takes but a published figure never is
				Arguments.of(ColumnType.SHARE, "0x1p-1", null, NOT_A_NUMBER + "\"0x1p-1\"" + PUBLISHED_AS),
				Arguments.of(ColumnType.SHARE, "0.5d", null, NOT_A_NUMBER + "\"0.5d\"" + PUBLISHED_AS),
				Arguments.of(ColumnType.QUANTITY, "12f", null, NOT_A_NUMBER + "\"12f\"" + PUBLISHED_AS),
				Arguments.of(ColumnType.QUANTITY, "+5", null, NOT_A_NUMBER + "\"+5\"" + PUBLISHED_AS),
				Arguments.of(ColumnType.QUANTITY, ".5", null, NOT_A_NUMBER + "\".5\"" + PUBLISHED_AS),
				Arguments.of(ColumnType.QUANTITY, "１２", null, NOT_A_NUMBER + "\"１２\"" + PUBLISHED_AS),
				Arguments.of(ColumnType.QUANTITY, "1_000", null, NOT_A_NUMBER + "\"1_000\"" + PUBLISHED_AS),
				// a non-zero literal that would be stored as 0, and a negative zero
				Arguments.of(ColumnType.SHARE, "1e-400", null, "too small to hold (it would be stored as 0): 1e-400"),
				Arguments.of(ColumnType.SHARE, "-0", null, "negative: -0"),
				Arguments.of(ColumnType.QUANTITY, "0.0e-400", 0.0, null),
				Arguments.of(ColumnType.QUANTITY, "1.25e3", 1250.0, null),
				// 1e309 parses, to infinity
				Arguments.of(ColumnType.QUANTITY, "1e309", null, "not a finite number: \"1e309\""),
				Arguments.of(ColumnType.QUANTITY, "-45000", null, "negative: -45000"),
				Arguments.of(ColumnType.QUANTITY, "1e20", null, "implausibly large quantity 1e20 (above 1e15)"),
				Arguments.of(ColumnType.SHARE, "0.875", 0.875, null), Arguments.of(ColumnType.SHARE, "1", 1.0, null),
				Arguments.of(ColumnType.SHARE, "1.05", null,
						"share 1.05 outside 0..1 (a share is a fraction, not a percentage)"),
				Arguments.of(ColumnType.SHARE, "87.5", null,
						"share 87.5 outside 0..1 (a share is a fraction, not a percentage)"),
				Arguments.of(ColumnType.SHARE, "-0.1", null, "negative: -0.1"),
				// years, dates, booleans
				Arguments.of(ColumnType.YEAR, "2024", 2024L, null), Arguments.of(ColumnType.YEAR, "1900", 1900L, null),
				Arguments.of(ColumnType.YEAR, "1800", null, "year 1800 outside 1900..2100"),
				Arguments.of(ColumnType.YEAR, "2024.5", null, "not a year of four digits 0-9: \"2024.5\""),
				Arguments.of(ColumnType.YEAR, "２０１９", null, "not a year of four digits 0-9: \"２０１９\""),
				Arguments.of(ColumnType.YEAR, "٢٠١٩", null, "not a year of four digits 0-9: \"٢٠١٩\""),
				Arguments.of(ColumnType.YEAR, "+2019", null, "not a year of four digits 0-9: \"+2019\""),
				Arguments.of(ColumnType.YEAR, "2101", null, "year 2101 outside 1900..2100"),
				Arguments.of(ColumnType.DATE, "+99999-08-01", null, "not a date YYYY-MM-DD: \"+99999-08-01\""),
				Arguments.of(ColumnType.DATE, "２０２４-12-03", null, "not a date YYYY-MM-DD: \"２０２４-12-03\""),
				Arguments.of(ColumnType.DATE, "1850-01-01", null, "date 1850-01-01 outside the years 1900..2100"),
				Arguments.of(ColumnType.DATE, "2024-12-03", LocalDate.of(2024, 12, 3), null),
				Arguments.of(ColumnType.DATE, "3 Dec 2024", null, "not a date YYYY-MM-DD: \"3 Dec 2024\""),
				Arguments.of(ColumnType.DATE, "2024-02-30", null, "not a date YYYY-MM-DD: \"2024-02-30\""),
				Arguments.of(ColumnType.BOOLEAN, "true", true, null),
				Arguments.of(ColumnType.BOOLEAN, "TRUE", null, "not true or false: \"TRUE\""),
				// the closed lists
				Arguments.of(ColumnType.STAGE, "REFINING", "REFINING", null),
				Arguments.of(ColumnType.STAGE, "SMELTING", null,
						"\"SMELTING\" is not one of MINING, REFINING, MANUFACTURING"),
				Arguments.of(ColumnType.PRODUCT_KIND, "END_PRODUCT", "END_PRODUCT", null),
				Arguments.of(ColumnType.PRODUCT_KIND, "component", null,
						"\"component\" is not one of COMPONENT, END_PRODUCT"),
				Arguments.of(ColumnType.QUALITY, "estimate", "estimate", null),
				Arguments.of(ColumnType.QUALITY, "Official", null,
						"\"Official\" is not one of official, secondary, estimate"),
				Arguments.of(ColumnType.AGREEMENT_TYPE, "ALLIANCE", "ALLIANCE", null),
				Arguments.of(ColumnType.MEASURE_TYPE, "EXPORT_LICENCE", "EXPORT_LICENCE", null));
	}

	private static final String NOT_A_NUMBER = "not a plain decimal number such as 12.5 or 1.2e6: ";

	private static final String PUBLISHED_AS = " (write a value published as text in published_as)";

	@ParameterizedTest(name = "{0} \"{1}\"")
	@MethodSource("cells")
	void typesOrRefusesACell(ColumnType type, String cell, Object value, String message) {
		ImportValidator validator = validator();
		CsvTable table = new CsvTable("t.csv", List.of("other", "c"), List.of());
		Object typed = validator.cell(table, new CsvTable.Row(7, Map.of("c", cell)), new Column("c", type, true), cell);
		assertThat(typed).isEqualTo(value);
		if (message == null) {
			assertThat(this.errors).isEmpty();
		}
		else {
			// line 7 of t.csv, column 2 (c)
			assertThat(this.errors).extracting(ImportError::toString).containsExactly("t.csv:7:2 (c): " + message);
		}
	}

	@ParameterizedTest
	@EnumSource(ColumnType.class)
	void everyColumnTypeHasARule(ColumnType type) {
		ImportValidator validator = validator();
		CsvTable table = new CsvTable("t.csv", List.of("c"), List.of());
		// a value no rule accepts but free text: every type answers (a value or an
		// error), none throws
		validator.cell(table, new CsvTable.Row(2, Map.of("c", "?")), new Column("c", type, true), "?");
		assertThat(this.errors).hasSize(type == ColumnType.TEXT ? 0 : 1);
	}

	@Test
	void typesEveryCellOfARowAndKeepsItsLine() {
		Map<ImportFile, List<Map<String, Object>>> typed = validate(ImportFile.PRODUCTION, """
				country,item,stage,year,quantity,unit,share,published_as,source,note
				CHN,gallium,REFINING,2024,980,t,,,src-a,
				""");
		assertThat(this.errors).isEmpty();
		Map<String, Object> expected = new LinkedHashMap<>();
		expected.put("_line", 2);
		expected.put("country", "CHN");
		expected.put("item", "gallium");
		expected.put("stage", "REFINING");
		expected.put("year", 2024L);
		expected.put("quantity", 980.0);
		expected.put("unit", "t");
		expected.put("source", "src-a");
		// the only row of its group, without a world total: its share is of itself, 980 /
		// 980 = 1
		expected.put("share", 1.0);
		expected.put("worldTotal", 980.0);
		assertThat(typed.get(ImportFile.PRODUCTION)).containsExactly(expected);
	}

	@Test
	void reportsEveryBadCellAndLeavesItsRowOut() {
		Map<ImportFile, List<Map<String, Object>>> typed = validate(ImportFile.PRODUCTION, """
				country,item,stage,year,quantity,unit,share,published_as,source,note
				,gallium,REFINING,2024,980,t,,,src-a,
				XYZ,gallium,SMELTING,2024,980,t,,,src-a,
				JPN,gallium,REFINING,2024,10,t,,,src-a,
				""");
		assertThat(this.errors).extracting(ImportError::toString)
			.containsExactly("production.csv:2:1 (country): required, but empty",
					"production.csv:3:1 (country): unknown country \"XYZ\" (not in countries.csv)",
					"production.csv:3:3 (stage): \"SMELTING\" is not one of MINING, REFINING, MANUFACTURING");
		assertThat(typed.get(ImportFile.PRODUCTION)).extracting(row -> row.get("country")).containsExactly("JPN");
	}

	@Test
	void refusesASecondRowWithTheSameKey() {
		Map<ImportFile, List<Map<String, Object>>> typed = validate(ImportFile.PRODUCTION, """
				country,item,stage,year,quantity,unit,share,published_as,source,note
				JPN,gallium,REFINING,2024,10,t,,,src-a,
				JPN,gallium,REFINING,2024,20,t,,,src-a,
				JPN,gallium,REFINING,2023,20,t,,,src-a,
				""");
		assertThat(this.errors).extracting(ImportError::toString)
			.containsExactly("production.csv:3:1 (country): duplicate key country/item/stage/year/source"
					+ " = [JPN, gallium, REFINING, 2024, src-a], first on line 2");
		assertThat(typed.get(ImportFile.PRODUCTION)).extracting(row -> row.get("quantity")).containsExactly(10.0, 20.0);
	}

	@Test
	void mineralsAndProductsShareOneKeySpaceAsDoCountriesAndBlocs() {
		BASE.forEach((file, text) -> this.tables.put(file, read(file, text)));
		this.tables.put(ImportFile.PRODUCTS,
				read(ImportFile.PRODUCTS, "id,name,kind\ngallium,Gallium wafer,COMPONENT\n"));
		this.tables.put(ImportFile.BLOCS, read(ImportFile.BLOCS, "code,name\nJPN,Japan bloc\n"));
		new ImportValidator(this.tables, this.unreadable, this.errors).validate();
		assertThat(this.errors).extracting(ImportError::toString)
			.containsExactly("products.csv:2:1 (id): \"gallium\" is already a mineral; keys must be unique across both",
					"blocs.csv:2:1 (code): \"JPN\" is already a country; keys must be unique across both");
	}

	@Test
	void referencesToAnUnreadableFileAreNotReportedAgain() {
		// sources.csv is broken (a column missing): its own error is reported, not every
		// row citing a source
		this.tables.put(ImportFile.PRODUCTION, read(ImportFile.PRODUCTION, """
				country,item,stage,year,quantity,unit,share,published_as,source,note
				CHN,gallium,REFINING,2024,980,t,,,src-z,
				"""));
		BASE.forEach((file, text) -> {
			if (file != ImportFile.SOURCES) {
				this.tables.put(file, read(file, text));
			}
		});
		assertThat(read(ImportFile.SOURCES, "id,year,quality\nsrc-a,2025,official\n")).isNull();
		this.unreadable.add(ImportFile.SOURCES);
		new ImportValidator(this.tables, this.unreadable, this.errors).validate();
		assertThat(this.errors).extracting(ImportError::toString)
			.containsExactly("sources.csv:1 (title): missing column in the header");
	}

	/**
	 * A validator that has read {@link #BASE} (its keys collected) and found no error
	 * there.
	 */
	private ImportValidator validator() {
		BASE.forEach((file, text) -> this.tables.put(file, read(file, text)));
		ImportValidator validator = new ImportValidator(this.tables, this.unreadable, this.errors);
		validator.validate();
		assertThat(this.errors).as("errors in the base files").isEmpty();
		return validator;
	}

	private Map<ImportFile, List<Map<String, Object>>> validate(ImportFile file, String text) {
		BASE.forEach((f, t) -> this.tables.put(f, read(f, t)));
		this.tables.put(file, read(file, text));
		return new ImportValidator(this.tables, this.unreadable, this.errors).validate();
	}

	private CsvTable read(ImportFile file, String text) {
		return CsvTableReader.read(file, text.getBytes(StandardCharsets.UTF_8), this.errors);
	}

}
