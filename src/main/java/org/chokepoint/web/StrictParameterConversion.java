package org.chokepoint.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

import java.beans.PropertyEditorSupport;

import org.springframework.beans.PropertyEditorRegistrar;
import org.springframework.beans.PropertyEditorRegistry;
import org.springframework.context.annotation.Configuration;
import org.springframework.format.FormatterRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The grammar of numbers and dates in request parameters, stricter than Java's: Spring's
 * own converters read {@code threshold=0x1p-1} (hex), {@code 0.5d} (a type suffix),
 * {@code 1e-400} (as 0), {@code -0}, {@code year=２０１９} (full-width digits), {@code +2019}
 * and {@code asOf=+999999999-12-31}. Here the default converters for these types are
 * removed from Spring MVC's conversion service and strict ones put in their place (beans
 * of type {@code Converter} would only be added next to the defaults):
 * <ul>
 * <li>whole numbers: ASCII digits, an optional leading {@code -}, at most 18 digits;</li>
 * <li>decimals: ASCII digits with an optional fraction and exponent ({@code 0.5},
 * {@code 5e-1}), finite, not a negative zero, and not so small that it would be read as
 * 0;</li>
 * <li>dates: {@code YYYY-MM-DD}, four ASCII digits for the year.</li>
 * </ul>
 * Spaces around a value are ignored. A value that breaks the grammar is a 400 naming the
 * parameter (a type mismatch, answered by the problem-detail advice).
 */
@Configuration(proxyBeanMethods = false)
class StrictParameterConversion implements WebMvcConfigurer, PropertyEditorRegistrar {

	/**
	 * The same grammar as property editors for every controller's data binder: when a
	 * converter fails, Spring's data binder falls back to its default editors, and those
	 * read {@code +2019} and {@code 0x10} ({@code Integer.decode}); an editor registered
	 * here is asked first. Text parameters get an editor that keeps the text as it is.
	 * Registered through the binding initializer ({@link ParameterEditors}), not an
	 * {@code @InitBinder} method, which Spring MVC looks up and calls reflectively per
	 * parameter of every request.
	 */
	@Override
	public void registerCustomEditors(PropertyEditorRegistry registry) {
		registry.registerCustomEditor(Integer.class, editor(StrictParameterConversion::integer));
		registry.registerCustomEditor(int.class, editor(StrictParameterConversion::integer));
		registry.registerCustomEditor(Long.class, editor(StrictParameterConversion::whole));
		registry.registerCustomEditor(long.class, editor(StrictParameterConversion::whole));
		registry.registerCustomEditor(Double.class, editor(StrictParameterConversion::decimal));
		registry.registerCustomEditor(double.class, editor(StrictParameterConversion::decimal));
		registry.registerCustomEditor(LocalDate.class, editor(StrictParameterConversion::date));
		// text as given (no trimming, a blank kept): what the conversion service's no-op
		// gives, without its look-up, which for every text parameter compared the
		// parameter's annotations with those of the others (about 3 % of a cold chain
		// answer's time at the benchmark's I size; docs/performance.md)
		registry.registerCustomEditor(String.class, new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				setValue(text);
			}
		});
	}

	private static PropertyEditorSupport editor(java.util.function.Function<String, ?> parse) {
		return new PropertyEditorSupport() {
			@Override
			public void setAsText(String text) {
				setValue(text == null ? null : blankToNull(text, parse));
			}
		};
	}

	private static final Pattern WHOLE = Pattern.compile("-?[0-9]{1,18}");

	private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,30})?([eE][-+]?[0-9]{1,3})?");

	private static final Pattern DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

	@Override
	public void addFormatters(FormatterRegistry registry) {
		registry.removeConvertible(String.class, Integer.class);
		registry.removeConvertible(String.class, Long.class);
		registry.removeConvertible(String.class, Double.class);
		registry.removeConvertible(String.class, LocalDate.class);
		registry.addConverter(String.class, Integer.class,
				value -> blankToNull(value, StrictParameterConversion::integer));
		registry.addConverter(String.class, Long.class, value -> blankToNull(value, StrictParameterConversion::whole));
		registry.addConverter(String.class, Double.class,
				value -> blankToNull(value, StrictParameterConversion::decimal));
		registry.addConverter(String.class, LocalDate.class,
				value -> blankToNull(value, StrictParameterConversion::date));
	}

	private static <T> T blankToNull(String value, java.util.function.Function<String, T> parse) {
		String stripped = value.strip();
		return stripped.isEmpty() ? null : parse.apply(stripped);
	}

	static long whole(String value) {
		if (!WHOLE.matcher(value).matches()) {
			throw new IllegalArgumentException("not a whole number of ASCII digits: " + value);
		}
		return Long.parseLong(value);
	}

	static int integer(String value) {
		long whole = whole(value);
		if (whole < Integer.MIN_VALUE || whole > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("out of range: " + value);
		}
		return (int) whole;
	}

	static double decimal(String value) {
		if (!DECIMAL.matcher(value).matches()) {
			throw new IllegalArgumentException("not a plain decimal number: " + value);
		}
		BigDecimal exact = new BigDecimal(value);
		double parsed = exact.doubleValue();
		if (Double.isInfinite(parsed)) {
			throw new IllegalArgumentException("too large: " + value);
		}
		if (exact.signum() != 0 && (parsed == 0 || Math.abs(parsed) < Double.MIN_NORMAL)) {
			throw new IllegalArgumentException("too small to be told from 0: " + value);
		}
		if (exact.signum() == 0 && value.startsWith("-")) {
			throw new IllegalArgumentException("a negative zero: " + value);
		}
		return parsed;
	}

	static LocalDate date(String value) {
		if (!DATE.matcher(value).matches()) {
			throw new IllegalArgumentException("not a date YYYY-MM-DD: " + value);
		}
		try {
			return LocalDate.parse(value);
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("not a date: " + value, ex);
		}
	}

}
