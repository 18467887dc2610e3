package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;

/**
 * Random production rows thrown at the reader and the validator (a seeded generator, so a
 * failure can be replayed from its repetition number): they never crash, every error they
 * report is located, and the rows they accept have finite, non-negative quantities and
 * shares in 0..1. The importer writes only when the error list is empty (ImporterIT
 * checks the database side).
 */
class ValidatorFuzzTests {

	private static final String HEADER = "country,item,stage,year,quantity,unit,share,published_as,source,note\n";

	private static final String[] COUNTRIES = { "CHN", "USA", "XYZ", "", "chn", "C,HN", "\"CHN\"" };

	private static final String[] ITEMS = { "gallium", "unobtainium", "", "Gallium" };

	private static final String[] STAGES = { "MINING", "REFINING", "MANUFACTURING", "SMELTING", "" };

	private static final String[] YEARS = { "2024", "1800", "twenty", "", "2024.5" };

	private static final String[] NUMBERS = { "", "NaN", "-Infinity", "1e309", "abc", "0", "1", "0.5", "1.5", "—", "W",
			"-3", "1e20" };

	private static final String[] SOURCES = { "src-a", "src-z", "" };

	private static final String TEXT_CHARS = "ab,\"\n é";

	@RepeatedTest(500)
	void randomRowsNeverCrashTheValidatorAndEveryErrorIsLocated(RepetitionInfo repetition) {
		Random random = new Random(repetition.getCurrentRepetition());
		StringBuilder csv = new StringBuilder(HEADER);
		int rows = random.nextInt(9);
		for (int i = 0; i < rows; i++) {
			csv.append(random.nextInt(5) == 0 ? text(random, 40, "abc,0.5\"\n") : row(random)).append('\n');
		}
		List<ImportError> errors = new ArrayList<>();
		Map<ImportFile, CsvTable> tables = new EnumMap<>(ImportFile.class);
		Set<ImportFile> unreadable = EnumSet.noneOf(ImportFile.class);
		read(ImportFile.SOURCES, "id,title,year,quality\nsrc-a,A,2025,official\n", tables, unreadable, errors);
		read(ImportFile.COUNTRIES, "iso3,name\nCHN,China\nUSA,United States\n", tables, unreadable, errors);
		read(ImportFile.MINERALS, "id,name\ngallium,Gallium\n", tables, unreadable, errors);
		read(ImportFile.PRODUCTION, csv.toString(), tables, unreadable, errors);

		Map<ImportFile, List<Map<String, Object>>> typed = new ImportValidator(tables, unreadable, errors).validate();

		assertThat(errors).as(csv.toString()).allSatisfy(error -> {
			assertThat(error.file()).isEqualTo("production.csv");
			assertThat(error.line()).isPositive();
			assertThat(error.message()).isNotBlank();
		});
		for (Map<String, Object> row : typed.get(ImportFile.PRODUCTION)) {
			Double share = (Double) row.get("share");
			assertThat(share == null || (share >= 0 && share <= 1 + 1e-9)).as("share %s", share).isTrue();
			Double quantity = (Double) row.get("quantity");
			assertThat(quantity == null || (Double.isFinite(quantity) && quantity >= 0)).as("quantity %s", quantity)
				.isTrue();
		}
	}

	private static String row(Random random) {
		String number = random.nextBoolean() ? pick(random, NUMBERS) : String.valueOf(random.nextDouble() * 1e6 - 10);
		return String.join(",", pick(random, COUNTRIES), pick(random, ITEMS), pick(random, STAGES), pick(random, YEARS),
				number, text(random, 12, TEXT_CHARS), pick(random, NUMBERS), text(random, 12, TEXT_CHARS),
				pick(random, SOURCES), text(random, 12, TEXT_CHARS));
	}

	private static String pick(Random random, String[] values) {
		return values[random.nextInt(values.length)];
	}

	private static String text(Random random, int maxLength, String chars) {
		StringBuilder text = new StringBuilder();
		int length = random.nextInt(maxLength + 1);
		for (int i = 0; i < length; i++) {
			text.append(chars.charAt(random.nextInt(chars.length())));
		}
		return text.toString();
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

}
