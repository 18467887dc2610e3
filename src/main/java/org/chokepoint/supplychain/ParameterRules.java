package org.chokepoint.supplychain;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.LocalDate;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import jakarta.validation.ReportAsSingleViolation;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.springframework.core.MethodParameter;

/**
 * The rules of the analyses' parameters, as Bean Validation constraints on typed request
 * parameters and body fields. A broken rule is a 400 naming the parameter
 * ({@link AnalysisProblems}); the messages are the end of its {@code detail}: "Parameter
 * 'year' must be between 1900 and 2100, not -1".
 */
final class ParameterRules {

	/**
	 * The stage share from which a supplier is a chokepoint, unless a request says
	 * otherwise (domain.md).
	 */
	static final String DEFAULT_THRESHOLD = "0.5";

	/** What the {@code engine} parameter must be. */
	static final String ENGINES = "projection or cypher";

	/** What the {@code detail} parameter must be. */
	static final String DETAILS = "summary or full";

	private ParameterRules() {
	}

	/** A facts year: the newest facts up to it are used. */
	@Min(1900)
	@Max(2100)
	@ReportAsSingleViolation
	@Constraint(validatedBy = {})
	@Documented
	@Target({ ElementType.PARAMETER, ElementType.FIELD })
	@Retention(RetentionPolicy.RUNTIME)
	@interface Year {

		/** What a value that is not a number must be instead. */
		String FORMAT = "a whole number such as 2024";

		String message() default "must be between 1900 and 2100";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** A share or a part of supply: 0..1 (NaN and infinities are out of range). */
	@DecimalMin("0")
	@DecimalMax("1")
	@ReportAsSingleViolation
	@Constraint(validatedBy = {})
	@Documented
	@Target({ ElementType.PARAMETER, ElementType.FIELD })
	@Retention(RetentionPolicy.RUNTIME)
	@interface Fraction {

		/** What a value that is not a number must be instead. */
		String FORMAT = "a number between 0 and 1";

		String message() default "must be between 0 and 1";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/** How many of the heaviest paths to list. */
	@Min(0)
	@Max(100)
	@ReportAsSingleViolation
	@Constraint(validatedBy = {})
	@Documented
	@Target({ ElementType.PARAMETER, ElementType.FIELD })
	@Retention(RetentionPolicy.RUNTIME)
	@interface PathCount {

		/** What a value that is not a number must be instead. */
		String FORMAT = "a whole number between 0 and 100";

		String message() default "must be between 0 and 100";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/**
	 * A key (a product, mineral, country or bloc): required, and bounded so that an error
	 * never echoes a megabyte. Each rule keeps its own message.
	 */
	@NotBlank(message = "is required")
	@Size(max = 100, message = "is longer than 100 characters")
	@Constraint(validatedBy = {})
	@Documented
	@Target({ ElementType.PARAMETER, ElementType.FIELD })
	@Retention(RetentionPolicy.RUNTIME)
	@interface Key {

		String message() default "is not a key";

		Class<?>[] groups() default {};

		Class<? extends Payload>[] payload() default {};

	}

	/**
	 * What a parameter that can't be read as its type must be, for the error's detail.
	 */
	static String format(MethodParameter parameter) {
		if (parameter.hasParameterAnnotation(Year.class)) {
			return Year.FORMAT;
		}
		if (parameter.hasParameterAnnotation(Fraction.class)) {
			return Fraction.FORMAT;
		}
		if (parameter.hasParameterAnnotation(PathCount.class)) {
			return PathCount.FORMAT;
		}
		if (parameter.getNestedParameterType() == LocalDate.class) {
			return "a date YYYY-MM-DD";
		}
		if (parameter.getNestedParameterType() == org.chokepoint.supplymix.Sourcing.class) {
			return "traced or direct";
		}
		if (parameter.getNestedParameterType() == ChainEngine.class) {
			return ENGINES;
		}
		if (parameter.getNestedParameterType() == Detail.class) {
			return DETAILS;
		}
		return "another value";
	}

	/** A value as an error shows it: cut at 40 characters. */
	static String clip(String value) {
		return value.length() <= 40 ? value : value.substring(0, 37) + "...";
	}

}
