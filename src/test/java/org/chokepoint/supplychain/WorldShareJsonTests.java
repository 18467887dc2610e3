package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.chokepoint.supplychain.ChainAnalysis.Alternative;
import org.junit.jupiter.api.Test;
import tools.jackson.core.StreamWriteFeature;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link WorldShareJson}: an alternative's world share is written as Jackson writes a
 * double, whether its text is in the table or not, with either algorithm, for any double.
 */
class WorldShareJsonTests {

	/** As the application writes (JsonWriteConfiguration): shortest doubles. */
	private static final JsonMapper SHORTEST = JsonMapper.builder()
		.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
		.build();

	/** Java 17's Double.toString (9.999999999999999E22 for 1.0E23). */
	private static final JsonMapper JAVA = JsonMapper.builder().build();

	private static final JsonMapper AS_STRINGS = JsonMapper.builder()
		.enable(StreamWriteFeature.USE_FAST_DOUBLE_WRITER)
		.enable(JsonWriteFeature.WRITE_NUMBERS_AS_STRINGS)
		.build();

	private static String expected(JsonMapper mapper, double share) {
		return "{\"country\":\"KWT\",\"worldShare\":" + mapper.writeValueAsString(share)
				+ ",\"allied\":false,\"agreements\":[]}";
	}

	private static String written(JsonMapper mapper, double share) {
		return mapper.writeValueAsString(new Alternative("KWT", share, false, List.of()));
	}

	@Test
	void writesADoubleAsJacksonDoes() {
		List<Double> shares = new ArrayList<>(List.of(0.0, -0.0, 1.0, 0.1, 0.30000000000000004, 0.025948281557342193,
				1.0E23, 2.0E23, 1.0E-5, 0.002, Double.MIN_VALUE, Double.MAX_VALUE, 4.9E-300, 1.2345678901234567E-7));
		Random random = new Random(20261205);
		for (int i = 0; i < 20_000; i++) {
			shares.add((i % 2 == 0) ? random.nextDouble()
					: Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL));
		}
		// more than the table holds, twice over, then all again: texts written, found,
		// replaced in their slots
		for (int round = 0; round < 2; round++) {
			for (double share : shares) {
				for (JsonMapper mapper : List.of(SHORTEST, JAVA, AS_STRINGS)) {
					assertThat(written(mapper, share)).isEqualTo(expected(mapper, share));
				}
			}
		}
		assertThat(shares.size()).isGreaterThan(2 * WorldShareJson.SLOTS);
		assertThat(written(SHORTEST, 1.0E23)).contains("\"worldShare\":1.0E23,");
		assertThat(written(JAVA, 1.0E23)).contains("\"worldShare\":9.999999999999999E22,");
		assertThat(written(AS_STRINGS, 0.5)).contains("\"worldShare\":\"0.5\",");
	}

	@Test
	void notANumberAndInfinityAsJacksonWritesThem() {
		for (double share : new double[] { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY }) {
			assertThat(written(SHORTEST, share)).isEqualTo(expected(SHORTEST, share));
		}
	}

	@Test
	void prettyPrintedAsAnyDouble() {
		java.util.Map<String, Object> same = new java.util.LinkedHashMap<>();
		same.put("country", "KWT");
		same.put("worldShare", 0.1);
		same.put("allied", true);
		same.put("agreements", List.of("a"));
		Alternative alternative = new Alternative("KWT", 0.1, true, List.of("a"));
		for (int i = 0; i < 2; i++) {
			assertThat(SHORTEST.writerWithDefaultPrettyPrinter().writeValueAsString(List.of(alternative, alternative)))
				.isEqualTo(SHORTEST.writerWithDefaultPrettyPrinter().writeValueAsString(List.of(same, same)))
				.contains("\"worldShare\" : 0.1,");
		}
	}

	@Test
	void slotsSpreadTheDoubles() {
		// neighbouring doubles (shares differ in their last bits) and round ones land
		// in many slots
		java.util.Set<Integer> slots = new java.util.HashSet<>();
		for (int i = 0; i < 1000; i++) {
			slots.add(WorldShareJson.slot(Double.doubleToRawLongBits(0.25) + i));
			slots.add(WorldShareJson.slot(Double.doubleToRawLongBits(i / 1000.0)));
		}
		assertThat(slots.size()).isGreaterThan(1500);
		assertThat(slots).allSatisfy(slot -> assertThat(slot).isBetween(0, WorldShareJson.SLOTS - 1));
	}

}
