package org.chokepoint.web;

/**
 * A request parameter that is well-formed but out of range (a negative page, a page size
 * of 1,000): answered with a 400 problem detail that names the parameter. Malformed
 * values (a page of "x", a date of "yesterday") fail in Spring's binding and get the same
 * answer.
 */
public class BadParameterException extends RuntimeException {

	private final String parameter;

	/**
	 * @param parameter the name of the request parameter, as the client wrote it
	 * @param message what is wrong with it, e.g. {@code must be between 1 and 500, was 0}
	 */
	public BadParameterException(String parameter, String message) {
		super("Parameter '" + parameter + "' " + message);
		this.parameter = parameter;
	}

	public String parameter() {
		return this.parameter;
	}

}
