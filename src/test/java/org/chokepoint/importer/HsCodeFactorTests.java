package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * hs_codes.csv's conversion factors, without a database: the validator refuses a factor
 * that is not above 0 and a factor without a known source; the trade flows are put on the
 * item's basis by the factor of their code, so that two forms of one item add up
 * (hand-computed below); and every column of every import file is documented in
 * import/README.md.
 */
class HsCodeFactorTests {

	private static final String SOURCES = "id,title,year,quality\nsrc-a,A,2025,official\n";

	private static final String COUNTRIES = "iso3,name\nCHN,China\nUSA,United States\nJPN,Japan\nCHL,Chile\n";

	private static final String MINERALS = "id,name,basis\nlithium,Lithium,lithium content\n";

	/**
	 * Li2CO3 at 0.1879 t Li per t and LiOH.H2O at 0.1654, as in import/hs_codes.csv; 7502
	 * a four-digit heading.
	 */
	private static final String HS_CODES = """
			hs6,item,stage,factor,factor_source,note
			283691,lithium,REFINING,0.1879,src-a,carbonate
			282520,lithium,REFINING,0.1654,src-a,hydroxide monohydrate
			7502,lithium,REFINING,1,src-a,a heading of four digits (test only)
			""";

	@Test
	void aFactorMustBeAboveZeroAndCiteAKnownSource() {
		List<ImportError> errors = new ArrayList<>();
		validate("""
				hs6,item,stage,factor,factor_source,note
				283691,lithium,REFINING,0,src-a,
				282520,lithium,REFINING,-1,src-a,
				750210,lithium,REFINING,,src-a,
				810194,lithium,REFINING,1,src-z,
				811010,lithium,REFINING,1,,
				81101,lithium,REFINING,1,src-a,
				""", errors);
		assertThat(errors).extracting(e -> e.line() + ":" + e.column() + " " + e.message())
			.containsExactly("2:4 a conversion factor must be above 0", "3:4 negative: -1", "4:4 required, but empty",
					"5:5 unknown source \"src-z\" (not in sources.csv)", "6:5 required, but empty",
					"7:1 \"81101\" is not an HS code of six digits such as 810292 (or a four-digit heading)");
	}

	@Test
	void flowsAreConvertedByTheirCodesFactorSoThatTwoFormsOfOneItemAddUp() {
		List<ImportError> errors = new ArrayList<>();
		ImportValidator validator = validator(HS_CODES, errors);
		Map<ImportFile, List<Map<String, Object>>> typed = validator.validate();
		// Japan's lithium: 1,000 t of carbonate from Chile = 187.9 t Li; 2,000 t of
		// hydroxide from China
		// = 330.8 t Li, plus 100 t under the heading at factor 1 = 430.8 t Li; total
		// 618.7 t Li:
		// Chile 187.9 / 618.7, China 430.8 / 618.7. By tonnes traded Chile would have
		// 1,000 / 3,100.
		String flows = """
				year,exporter,importer,item,stage,quantity,unit,source
				2024,CHL,JPN,283691,,1000,t,src-a
				2024,CHN,JPN,282520,,2000,t,src-a
				2024,CHN,JPN,7502,,100,t,src-a
				2024,CHN,USA,lithium,REFINING,50,t,src-a
				""";
		TradeFlows trade = TradeFlows.read(flows.getBytes(StandardCharsets.UTF_8), validator,
				typed.get(ImportFile.HS_CODES), Set.of(), errors, message -> {
				});
		assertThat(errors).isEmpty();

		Map<String, double[]> japan = new HashMap<>();
		List<String> buyers = new ArrayList<>();
		trade.forEachSplit((buyer, item, stage, year, source, suppliers, shares) -> {
			buyers.add(buyer + " " + item + " " + stage + " " + year);
			if (buyer.equals("JPN")) {
				for (int i = 0; i < suppliers.size(); i++) {
					japan.put(suppliers.get(i), new double[] { shares[i] });
				}
			}
		});
		assertThat(buyers).containsExactlyInAnyOrder("JPN lithium REFINING 2024", "USA lithium REFINING 2024");
		assertThat(japan.get("CHL")[0]).isCloseTo(187.9 / 618.7, within(1e-12));
		assertThat(japan.get("CHN")[0]).isCloseTo(430.8 / 618.7, within(1e-12));

		// the SOURCES relationships keep the converted quantities; an item id (USA's row)
		// is not converted
		Map<String, Double> quantities = new HashMap<>();
		trade.forEachBatch(100,
				batch -> batch.pairs()
					.forEach(pair -> pair.flows()
						.forEach(f -> quantities.put(pair.buyer() + "<-" + pair.supplier(), (Double) f.get(4)))));
		assertThat(quantities).hasSize(3);
		assertThat(quantities.get("JPN<-CHL")).isCloseTo(187.9, within(1e-9));
		assertThat(quantities.get("JPN<-CHN")).isCloseTo(430.8, within(1e-9));
		assertThat(quantities.get("USA<-CHN")).isEqualTo(50.0);
	}

	@Test
	void everyColumnOfEveryImportFileIsDocumentedInTheImportReadme() throws IOException {
		String readme = Files.readString(Path.of("import/README.md"));
		for (ImportFile file : ImportFile.values()) {
			assertThat(readme).as("the README names " + file.fileName()).contains("`" + file.fileName() + "`");
			for (Column column : file.columns()) {
				assertThat(readme).as("the README names column " + column.name() + " of " + file.fileName())
					.contains("`" + column.name() + "`");
			}
		}
	}

	private static void validate(String hsCodes, List<ImportError> errors) {
		validator(hsCodes, errors).validate();
	}

	private static ImportValidator validator(String hsCodes, List<ImportError> errors) {
		Map<ImportFile, CsvTable> tables = new EnumMap<>(ImportFile.class);
		Set<ImportFile> unreadable = EnumSet.noneOf(ImportFile.class);
		read(ImportFile.SOURCES, SOURCES, tables, unreadable, errors);
		read(ImportFile.COUNTRIES, COUNTRIES, tables, unreadable, errors);
		read(ImportFile.MINERALS, MINERALS, tables, unreadable, errors);
		read(ImportFile.HS_CODES, hsCodes, tables, unreadable, errors);
		return new ImportValidator(tables, unreadable, errors);
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
