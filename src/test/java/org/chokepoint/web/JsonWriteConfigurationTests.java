package org.chokepoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@link JsonWriteConfiguration}: doubles are written as the shortest decimal that reads
 * back as the same double, where Java 17's {@code Double.toString} writes more digits.
 */
class JsonWriteConfigurationTests {

	private final JsonMapper mapper = mapper();

	private static JsonMapper mapper() {
		JsonMapper.Builder builder = JsonMapper.builder();
		new JsonWriteConfiguration().shortestDoubles().customize(builder);
		return builder.build();
	}

	@Test
	void writesTheShortestDecimal() {
		// Java 17's Double.toString gives 9.999999999999999E22 and 1.9999999999999998E23
		assertThat(this.mapper.writeValueAsString(List.of(1.0E23, 2.0E23, 0.8745171911704361, 0.002, 1.0E-5, 0.0)))
			.isEqualTo("[1.0E23,2.0E23,0.8745171911704361,0.002,1.0E-5,0.0]");
	}

	@Test
	void everyDoubleReadsBackAsItself() {
		Random random = new Random(20261203);
		for (int i = 0; i < 200_000; i++) {
			double value = switch (i % 3) {
				case 0 -> random.nextDouble(); // a share
				case 1 -> random.nextDouble() * Math.pow(10, random.nextInt(40) - 20);
				default -> Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL);
			};
			String written = this.mapper.writeValueAsString(value);
			assertThat(this.mapper.readValue(written, Double.class)).as(written).isEqualTo(value);
			assertThat(written.length()).as(written).isLessThanOrEqualTo(Double.toString(value).length());
		}
	}

}
