package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * Reading one import file ({@link CsvTableReader}, no database): RFC 4180 quoting, the
 * byte-order mark spreadsheets write, the header's columns, and every shape error located
 * by file, line and column. Cell contents are the validator's business
 * ({@link ImportValidatorTests}).
 */
class CsvTableReaderTests {

	final List<ImportError> errors = new ArrayList<>();

	@Test
	void readsQuotedCellsWithCommasQuotesAndLineBreaks() {
		// a quoted cell holds a comma, a doubled quote and a line break (a text block
		// can't hold the quotes)
		CsvTable table = read(ImportFile.SOURCES,
				"id,title,publisher,year,url,quality,note\n"
						+ "src-a,\"Minerals, Yearbook \"\"2024\"\"\",USGS,2025,,official,\"first line\nsecond line\"\n"
						+ "src-b,  Report B  ,,2025,,secondary,\n");
		assertThat(this.errors).isEmpty();
		assertThat(table.header()).containsExactly("id", "title", "publisher", "year", "url", "quality", "note");
		// the quoted note spans lines 2 and 3, so src-b starts on line 4; cells are
		// stripped, empty ones absent
		assertThat(table.rows()).containsExactly(
				new CsvTable.Row(2,
						Map.of("id", "src-a", "title", "Minerals, Yearbook \"2024\"", "publisher", "USGS", "year",
								"2025", "quality", "official", "note", "first line\nsecond line")),
				new CsvTable.Row(4,
						Map.of("id", "src-b", "title", "Report B", "year", "2025", "quality", "secondary")));
		assertThat(table.columnNumber("quality")).isEqualTo(6);
	}

	@Test
	void dropsTheByteOrderMarkSpreadsheetsWriteAndSkipsBlankLines() {
		CsvTable table = read(ImportFile.BLOCS, "\uFEFFcode,name,note\n\nEU,European Union,\n\n");
		assertThat(this.errors).isEmpty();
		assertThat(table.header()).containsExactly("code", "name", "note");
		assertThat(table.rows()).containsExactly(new CsvTable.Row(3, Map.of("code", "EU", "name", "European Union")));
	}

	@Test
	void acceptsTheColumnsInAnyOrderAndLeavesOptionalOnesOut() {
		CsvTable table = read(ImportFile.BLOCS, "name,code\nEuropean Union,EU\n");
		assertThat(this.errors).isEmpty();
		assertThat(table.columnNumber("code")).isEqualTo(2);
		assertThat(table.columnNumber("note")).isZero();
	}

	@Test
	void refusesARowWithTooFewOrTooManyCellsNamingWhereItEnds() {
		// 10 columns: a row of 9 is short at column 9 + 1 = 10; a row of 11 goes past at
		// column 10 + 1 = 11
		assertThat(read(ImportFile.PRODUCTION, """
				country,item,stage,year,quantity,unit,share,published_as,source,note
				CHN,gallium,REFINING,2024,980,t,,,src-a
				CHN,gallium,REFINING,2024,980,t,,,src-a,,
				""")).isNull();
		assertThat(messages()).containsExactly("production.csv:2:10: expected 10 columns, found 9",
				"production.csv:3:11: expected 10 columns, found 11");
	}

	@Test
	void refusesAnUnknownATwiceGivenAndAMissingColumn() {
		assertThat(read(ImportFile.BLOCS, "code,code,notes\nEU,EU,x\n")).isNull();
		assertThat(messages()).containsExactly("blocs.csv:1:2 (code): column appears twice in the header",
				"blocs.csv:1:3 (notes): unknown column; the columns of blocs.csv are code,name,note",
				"blocs.csv:1 (name): missing column in the header");
	}

	@Test
	void refusesAnEmptyFileNamingTheHeaderItNeeds() {
		assertThat(read(ImportFile.BLOCS, " \n")).isNull();
		assertThat(messages())
			.containsExactly("blocs.csv: the file is empty: it needs at least the header row code,name,note");
	}

	@Test
	void refusesAnUnclosedQuoteAsInvalidCsv() {
		// the quote opened on line 3, column 4, is still open when the text ends
		assertThat(read(ImportFile.BLOCS, "code,name,note\nEU,European Union,\nUS,\"United States\n")).isNull();
		assertThat(messages()).containsExactly("blocs.csv:3:4: quote opened here is never closed");
	}

	@Test
	void refusesALineLongerThanAMillionCharactersWithoutParsingIt() {
		// line 2 is "EU,x,", then 999,996 more: 5 + 999,996 = 1,000,001 characters, one
		// too many
		String text = "code,name,note\nEU,x," + "y".repeat(CsvTableReader.MAX_LINE_CHARS - 4) + "\n";
		assertThat(read(ImportFile.BLOCS, text)).isNull();
		assertThat(messages())
			.containsExactly("blocs.csv:2: record longer than 1000000 characters (an unclosed quote?)");
		this.errors.clear();
		// 1,000,000 exactly is still read
		assertThat(
				read(ImportFile.BLOCS, "code,name,note\nEU,x," + "y".repeat(CsvTableReader.MAX_LINE_CHARS - 5) + "\n"))
			.isNotNull();
		assertThat(this.errors).isEmpty();
	}

	@Test
	void refusesBytesThatAreNotUtf8NamingTheLineAndOffset() {
		// "iso3,name\n" and "CHN,China\n" are 10 bytes each, "FRA,Fran" 8: the Latin-1 ç
		// is byte 28, on line 3
		byte[] latin1 = "iso3,name\nCHN,China\nFRA,Fran\u00e7e\n".getBytes(StandardCharsets.ISO_8859_1);
		assertThat(CsvTableReader.read(ImportFile.COUNTRIES, latin1, this.errors)).isNull();
		assertThat(messages())
			.containsExactly("countries.csv:3:9: not UTF-8: byte 0xE7 at offset 28; save the file as UTF-8");
	}

	@Test
	void readsUtf8BeyondAscii() {
		CsvTable table = read(ImportFile.COUNTRIES, "iso3,name\nCIV,Côte d’Ivoire\n");
		assertThat(this.errors).isEmpty();
		assertThat(table.rows()).singleElement()
			.satisfies(row -> assertThat(row.get("name")).isEqualTo("Côte d’Ivoire"));
	}

	private CsvTable read(ImportFile file, String text) {
		return CsvTableReader.read(file, text.getBytes(StandardCharsets.UTF_8), this.errors);
	}

	private List<String> messages() {
		return this.errors.stream().map(ImportError::toString).toList();
	}

}
