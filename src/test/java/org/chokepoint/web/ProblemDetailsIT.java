package org.chokepoint.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.chokepoint.ApiTestBase;
import org.chokepoint.ChokepointTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The answers to bad requests that no single feature owns: paging parameters, unknown
 * paths.
 */
@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class ProblemDetailsIT extends ApiTestBase {

	@ParameterizedTest(name = "{0}?{1}: {3}")
	@CsvSource(delimiter = '|',
			value = { "/api/countries  | page=-1   | page | Parameter 'page' must be 0 or more, was -1",
					"/api/minerals   | size=501  | size | Parameter 'size' must be between 1 and 500, was 501",
					"/api/products   | size=0    | size | Parameter 'size' must be between 1 and 500, was 0",
					"/api/agreements | page=x    | page | Parameter 'page' must be a whole number, was 'x'",
					"/api/measures   | size=1.5  | size | Parameter 'size' must be a whole number, was '1.5'",
					"/api/sources    | size=-5   | size | Parameter 'size' must be between 1 and 500, was -5" })
	void aBadPagingParameterIsA400NamingIt(String path, String query, String parameter, String detail) {
		assertThat(this.api.problem(path + "?" + query, 400)).isEqualTo(Map.of("title", "Bad Request", "status", 400,
				"detail", detail, "instance", path, "parameter", parameter));
	}

	@Test
	void anUnknownPathIsA404ProblemDetail() {
		assertThat(this.api.problem("/api/elements", 404)).containsEntry("status", 404)
			.containsEntry("title", "Not Found")
			.containsEntry("instance", "/api/elements");
	}

}
