package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The parameter rules on their own: which values pass, and the message of those that
 * don't.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParameterRulesTests {

	private ValidatorFactory factory;

	private Validator validator;

	@BeforeAll
	void validator() {
		this.factory = Validation.buildDefaultValidatorFactory();
		this.validator = this.factory.getValidator();
	}

	@AfterAll
	void close() {
		this.factory.close();
	}

	@ParameterizedTest
	@ValueSource(doubles = { Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, -1.0, -1e-12, 1.0000001 })
	void aFractionOutside0To1IsRefused(double fraction) {
		assertThat(messages(scenario(fraction, null, null))).containsExactly("fraction: must be between 0 and 1");
	}

	@ParameterizedTest
	@ValueSource(doubles = { 0.0, 0.5, 1.0 })
	void aFractionIn0To1Passes(double fraction) {
		assertThat(messages(scenario(fraction, null, null))).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(ints = { -1, 0, 1899, 2101 })
	void aYearOutside1900To2100IsRefused(int year) {
		assertThat(messages(scenario(null, null, year))).containsExactly("year: must be between 1900 and 2100");
	}

	@Test
	void aDisruptionsFractionIsCheckedToo() {
		ScenarioRequest request = new ScenarioRequest(null, null, null, null, null,
				List.of(new ScenarioRequest.Disruption("CHN", List.of("gallium"), null, null, 2.0)), null, 0.5, null,
				2024);
		assertThat(messages(request)).containsExactly("disruptions[0].fraction: must be between 0 and 1");
	}

	@Test
	void nothingGivenIsNothingRefused() {
		// absent numbers take their defaults; what a scenario needs is checked by the
		// service
		assertThat(messages(scenario(null, null, null))).isEmpty();
	}

	private static ScenarioRequest scenario(Double fraction, Double licenceCut, Integer year) {
		return new ScenarioRequest("CHN", List.of("gallium"), null, null, fraction, null, null, licenceCut, null, year);
	}

	private List<String> messages(ScenarioRequest request) {
		Set<ConstraintViolation<ScenarioRequest>> violations = this.validator.validate(request);
		return violations.stream().map(v -> v.getPropertyPath() + ": " + v.getMessage()).sorted().toList();
	}

}
