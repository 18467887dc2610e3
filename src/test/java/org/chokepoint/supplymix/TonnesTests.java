package org.chokepoint.supplymix;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TonnesTests {

	@Test
	void readsTheLeadingMassUnitOfTheUnitsInTheShippedData() {
		assertThat(Tonnes.of(45500.0, "t REO equivalent")).isEqualTo(45500.0);
		assertThat(Tonnes.of(2.5, "kt")).isEqualTo(2500.0);
		assertThat(Tonnes.of(12.0, "thousand t copper content")).isEqualTo(12000.0);
		assertThat(Tonnes.of(750000.0, "kg gallium content")).isEqualTo(750.0);
		assertThat(Tonnes.of(3.0, "metric tons")).isEqualTo(3.0);
		assertThat(Tonnes.of(7.0, "t")).isEqualTo(7.0);
	}

	@Test
	void aUnitThatIsNotAMassOfOutputIsNotComparable() {
		assertThat(Tonnes.of(5.0, "")).isNull();
		assertThat(Tonnes.of(5.0, null)).isNull();
		assertThat(Tonnes.of(null, "t")).isNull();
		assertThat(Tonnes.of(66.3, "kg per vehicle")).isNull();
		assertThat(Tonnes.of(1.0, "IEA kt (unit header not preserved)")).isNull();
		assertThat(Tonnes.of(1.0, "tonnage")).isNull();
	}

}
