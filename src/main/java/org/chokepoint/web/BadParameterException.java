package org.chokepoint.web;

import java.util.Map;

/**
 * A request parameter that is well-formed but out of range (a negative page, a page size
 * of 1,000): answered with a 400 problem detail that names the parameter. Malformed
 * values (a page of "x", a date of "yesterday") fail in Spring's binding and get the same
 * answer.
 */
public class BadParameterException extends RuntimeException {

	private final String parameter;

	private final Map<String, Object> properties;

	/**
	 * @param parameter the name of the request parameter, as the client wrote it
	 * @param message what is wrong with it, e.g. {@code must be between 1 and 500, was 0}
	 */
	public BadParameterException(String parameter, String message) {
		this(parameter, message, Map.of());
	}

	/**
	 * @param parameter the name of the request parameter, as the client wrote it
	 * @param message what is wrong with it
	 * @param properties further properties of the problem detail, e.g.
	 * {@code availableYears}
	 */
	public BadParameterException(String parameter, String message, Map<String, Object> properties) {
		super("Parameter '" + parameter + "' " + message);
		this.parameter = parameter;
		this.properties = Map.copyOf(properties);
	}

	/** Further properties of the problem detail. */
	public Map<String, Object> properties() {
		return this.properties;
	}

	public String parameter() {
		return this.parameter;
	}

}
