package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.chokepoint.web.BadParameterException;
import org.junit.jupiter.api.Test;

/** The world matrix's list parameters: comma-separated keys. */
class WorldMatrixControllerTests {

	@Test
	void keysAreCommaSeparatedAndStripped() {
		assertThat(WorldMatrixController.keys("consumers", null)).isEmpty();
		assertThat(WorldMatrixController.keys("consumers", "EU")).containsExactly("EU");
		assertThat(WorldMatrixController.keys("consumers", " EU , USA")).containsExactly("EU", "USA");
	}

	@Test
	void anEmptyOrOverlongKeyIsABadParameter() {
		assertThatThrownBy(() -> WorldMatrixController.keys("consumers", "EU,,USA"))
			.isInstanceOf(BadParameterException.class)
			.hasMessageContaining("'consumers'");
		assertThatThrownBy(() -> WorldMatrixController.keys("products", "")).isInstanceOf(BadParameterException.class)
			.hasMessageContaining("'products'");
		assertThatThrownBy(() -> WorldMatrixController.keys("products", "x".repeat(101)))
			.isInstanceOf(BadParameterException.class)
			.hasMessageContaining("longer than 100");
		assertThatThrownBy(() -> WorldMatrixController.keys("products", "a,".repeat(1000) + "a"))
			.isInstanceOf(BadParameterException.class)
			.hasMessageContaining("at most 1000");
	}

}
