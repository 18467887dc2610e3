package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random production rows thrown at the reader and the validator: they never crash, every error
 * they report is located, and a folder with any error is refused as a whole (the importer writes
 * only when the error list is empty, see ImporterIT for the database side).
 */
class ValidatorFuzzTests {

	private static final String HEADER = "country,item,stage,year,quantity,unit,share,published_as,source,note\n";

	@Property(tries = 500)
	void randomRowsNeverCrashTheValidatorAndEveryErrorIsLocated(@ForAll("rows") List<String> rows) {
		StringBuilder csv = new StringBuilder(HEADER);
		rows.forEach(row -> csv.append(row).append('\n'));
		List<ImportError> errors = new ArrayList<>();
		Map<ImportFile, CsvTable> tables = new EnumMap<>(ImportFile.class);
		Set<ImportFile> unreadable = EnumSet.noneOf(ImportFile.class);
		read(ImportFile.SOURCES, "id,title,year,quality\nsrc-a,A,2025,official\n", tables, unreadable, errors);
		read(ImportFile.COUNTRIES, "iso3,name\nCHN,China\nUSA,United States\n", tables, unreadable, errors);
		read(ImportFile.MINERALS, "id,name\ngallium,Gallium\n", tables, unreadable, errors);
		read(ImportFile.PRODUCTION, csv.toString(), tables, unreadable, errors);
		Map<ImportFile, List<Map<String, Object>>> typed = new ImportValidator(tables, unreadable, errors).validate();

		assertThat(errors).allSatisfy(error -> {
			assertThat(error.file()).isEqualTo("production.csv");
			assertThat(error.line()).isPositive();
			assertThat(error.message()).isNotBlank();
		});
		for (Map<String, Object> row : typed.get(ImportFile.PRODUCTION)) {
			Object share = row.get("share");
			assertThat(share == null || ((Double) share >= 0 && (Double) share <= 1 + 1e-9)).as("share %s", share).isTrue();
			Object quantity = row.get("quantity");
			assertThat(quantity == null || Double.isFinite((Double) quantity) && (Double) quantity >= 0).isTrue();
		}
	}

	private static void read(ImportFile file, String text, Map<ImportFile, CsvTable> tables, Set<ImportFile> unreadable,
			List<ImportError> errors) {
		CsvTable table = CsvTableReader.read(file, text.getBytes(StandardCharsets.UTF_8), errors);
		if (table == null) {
			unreadable.add(file);
		}
		else {
			tables.put(file, table);
		}
	}

	@Provide
	Arbitrary<List<String>> rows() {
		Arbitrary<String> country = Arbitraries.of("CHN", "USA", "XYZ", "", "chn", "C,HN", "\"CHN\"");
		Arbitrary<String> item = Arbitraries.of("gallium", "unobtainium", "", "Gallium");
		Arbitrary<String> stage = Arbitraries.of("MINING", "REFINING", "MANUFACTURING", "SMELTING", "");
		Arbitrary<String> year = Arbitraries.of("2024", "1800", "twenty", "", "2024.5");
		Arbitrary<String> number = Arbitraries.oneOf(Arbitraries.doubles().between(-10, 1e6).map(String::valueOf),
				Arbitraries.of("", "NaN", "-Infinity", "1e309", "abc", "0", "1", "0.5", "1.5", "—", "W"));
		Arbitrary<String> text = Arbitraries.strings().ofMaxLength(12).withChars("ab,\"\n é");
		Arbitrary<String> row = net.jqwik.api.Combinators
			.combine(List.of(country, item, stage, year, number, text, number, text, Arbitraries.of("src-a", "src-z", ""),
					text))
			.as(cells -> String.join(",", cells));
		Arbitrary<String> ragged = Arbitraries.strings().ofMaxLength(40).withChars("abc,0.5\"\n");
		return Arbitraries.oneOf(row, ragged).list().ofMaxSize(8);
	}

}
