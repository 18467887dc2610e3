package org.chokepoint.supplychain;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import org.chokepoint.web.BadParameterException;

/** Parses and checks the parameters analyses share; a bad one is a 400 naming it. */
final class AnalysisParameters {

	static final double DEFAULT_THRESHOLD = 0.5;

	private AnalysisParameters() {
	}

	/** The facts' year: default the current year (the newest facts up to it are used). */
	static int year(String value) {
		if (value == null || value.isBlank()) {
			return LocalDate.now().getYear();
		}
		try {
			int year = Integer.parseInt(value.strip());
			if (year < 1900 || year > 2100) {
				throw new BadParameterException("year", "must be between 1900 and 2100, not " + year);
			}
			return year;
		}
		catch (NumberFormatException ex) {
			throw new BadParameterException("year", "must be a whole number such as 2024, not '" + clip(value) + "'");
		}
	}

	/** A share threshold in 0..1, default 0.5. */
	static double threshold(String value) {
		if (value == null || value.isBlank()) {
			return DEFAULT_THRESHOLD;
		}
		return fraction("threshold", value);
	}

	static double fraction(String parameter, String value) {
		double number;
		try {
			number = Double.parseDouble(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new BadParameterException(parameter, "must be a number between 0 and 1, not '" + clip(value) + "'");
		}
		if (!Double.isFinite(number) || number < 0 || number > 1) {
			throw new BadParameterException(parameter, "must be between 0 and 1, not " + clip(value));
		}
		return number;
	}

	/** A date YYYY-MM-DD, default today. */
	static LocalDate date(String parameter, String value) {
		if (value == null || value.isBlank()) {
			return LocalDate.now();
		}
		try {
			return LocalDate.parse(value.strip());
		}
		catch (DateTimeParseException ex) {
			throw new BadParameterException(parameter, "must be a date YYYY-MM-DD, not '" + clip(value) + "'");
		}
	}

	/** How many paths to list: 0..100, default 0. */
	static int paths(String value) {
		if (value == null || value.isBlank()) {
			return 0;
		}
		try {
			int k = Integer.parseInt(value.strip());
			if (k < 0 || k > 100) {
				throw new BadParameterException("paths", "must be between 0 and 100, not " + k);
			}
			return k;
		}
		catch (NumberFormatException ex) {
			throw new BadParameterException("paths", "must be a whole number between 0 and 100, not '" + clip(value) + "'");
		}
	}

	/** A key from the path or a parameter: bounded, so an error message never echoes a megabyte. */
	static String key(String parameter, String value) {
		if (value == null || value.isBlank()) {
			throw new BadParameterException(parameter, "is required");
		}
		if (value.length() > 100) {
			throw new BadParameterException(parameter, "is longer than 100 characters");
		}
		return value.strip();
	}

	static String clip(String value) {
		return value.length() <= 40 ? value : value.substring(0, 37) + "...";
	}

}
