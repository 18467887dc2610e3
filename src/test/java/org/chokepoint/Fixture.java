package org.chokepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.chokepoint.source.SourceRef;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;

/**
 * The test fixtures, and how tests compare whole records holding derived (floating-point)
 * numbers.
 */
public final class Fixture {

	/**
	 * Seven countries, one bloc, gallium and rare earths, magnets and turbines: see its
	 * CSV files.
	 */
	public static final Path BASIC = Path.of("src/test/resources/fixtures/basic");

	/** The fixture's official source, as facts cite it. */
	public static final SourceRef SRC_A = new SourceRef("src-a", "Official statistics A", "https://example.org/a",
			"official");

	/** The fixture's secondary source, as facts cite it. */
	public static final SourceRef SRC_B = new SourceRef("src-b", "Industry report B", "https://example.org/b",
			"secondary");

	/**
	 * Bilateral trade for {@link #tradeFlows}: USA's gallium refining from CHN (60 + 20 t
	 * added up), JPN (30 t) and DEU (10 t): shares 80/120, 30/120, 10/120; JPN's from CHN
	 * and USA through the HS code 811292 at its factor 0.5 (5 and 15 kg traded: 2.5 and
	 * 7.5 kg): 0.25 and 0.75; CHN's rare-earth mining from AUS and MYS (70, 30 t).
	 */
	public static final String TRADE_FLOWS = """
			year,exporter,importer,item,stage,quantity,unit,source
			2023,CHN,USA,gallium,REFINING,60,t,src-b
			2023,JPN,USA,gallium,REFINING,30,t,src-b
			2023,DEU,USA,gallium,REFINING,10,t,src-b
			2023,CHN,USA,gallium,REFINING,20,t,src-b
			2023,CHN,JPN,811292,,5,kg,src-b
			2023,USA,JPN,811292,,15,kg,src-b
			2023,AUS,CHN,rare-earths,MINING,70,t,src-a
			2023,MYS,CHN,rare-earths,MINING,30,t,src-a
			""";

	private static final double TOLERANCE = 1e-9;

	private Fixture() {
	}

	/**
	 * Copies {@link #BASIC} into {@code folder} with {@link #TRADE_FLOWS} and its HS code
	 * added.
	 */
	public static Path basicWithTradeFlows(Path folder) {
		try (Stream<Path> files = Files.list(BASIC)) {
			Files.createDirectories(folder);
			for (Path file : files.toList()) {
				Files.copy(file, folder.resolve(file.getFileName().toString()));
			}
			Files.writeString(folder.resolve("hs_codes.csv"),
					"hs6,item,stage,factor,factor_source,note\n811292,gallium,REFINING,0.5,src-b,unwrought\n");
			Files.writeString(folder.resolve("trade_flows.csv"), TRADE_FLOWS);
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Asserts that the counts of the facts citing each source that the import kept on the
	 * source's node ({@code factTypes}, {@code factCounts}) are those read from every
	 * relationship now; returns them (source id -> type -> count).
	 */
	public static Map<String, Map<String, Long>> assertFactCountsKeptAreThoseCounted(Driver driver) {
		Map<String, Map<String, Long>> kept = new TreeMap<>();
		Map<String, Map<String, Long>> counted = new TreeMap<>();
		for (Record r : driver
			.executableQuery("MATCH (s:Source) RETURN s.id AS id, s.factTypes AS types, s.factCounts AS counts")
			.execute()
			.records()) {
			assertThat(r.get("types").isNull()).as("counts kept on source %s", r.get("id")).isFalse();
			Map<String, Long> counts = new TreeMap<>();
			List<Object> types = r.get("types").asList(v -> v.asString());
			for (int i = 0; i < types.size(); i++) {
				counts.put((String) types.get(i), r.get("counts").get(i).asLong());
			}
			kept.put(r.get("id").asString(), counts);
			counted.put(r.get("id").asString(), new TreeMap<>());
		}
		for (Record r : driver.executableQuery("""
				MATCH ()-[f]->()
				WHERE f.source IS NOT NULL
				RETURN f.source AS id, type(f) AS type, count(*) AS count
				""").execute().records()) {
			counted.get(r.get("id").asString()).put(r.get("type").asString(), r.get("count").asLong());
		}
		assertThat(kept).isEqualTo(counted);
		return kept;
	}

	/**
	 * Asserts that two records are equal field by field, doubles (derived shares) within
	 * 1e-9.
	 */
	public static void assertSameRecord(Object actual, Object expected) {
		Comparator<Double> close = (a, b) -> Math.abs(a - b) <= TOLERANCE ? 0 : Double.compare(a, b);
		assertThat(actual).usingRecursiveComparison()
			.withComparatorForType(close, Double.class)
			.withStrictTypeChecking()
			.isEqualTo(expected);
	}

}
