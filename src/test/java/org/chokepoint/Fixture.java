package org.chokepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Comparator;

import org.chokepoint.source.SourceRef;

/** The test fixtures, and how tests compare whole records holding derived (floating-point) numbers. */
public final class Fixture {

	/** Seven countries, one bloc, gallium and rare earths, magnets and turbines: see its CSV files. */
	public static final Path BASIC = Path.of("src/test/resources/fixtures/basic");

	/** The fixture's official source, as facts cite it. */
	public static final SourceRef SRC_A = new SourceRef("src-a", "Official statistics A", "https://example.org/a",
			"official");

	/** The fixture's secondary source, as facts cite it. */
	public static final SourceRef SRC_B = new SourceRef("src-b", "Industry report B", "https://example.org/b",
			"secondary");

	private static final double TOLERANCE = 1e-9;

	private Fixture() {
	}

	/** Asserts that two records are equal field by field, doubles (derived shares) within 1e-9. */
	public static void assertSameRecord(Object actual, Object expected) {
		Comparator<Double> close = (a, b) -> Math.abs(a - b) <= TOLERANCE ? 0 : Double.compare(a, b);
		assertThat(actual).usingRecursiveComparison()
			.withComparatorForType(close, Double.class)
			.withStrictTypeChecking()
			.isEqualTo(expected);
	}

}
