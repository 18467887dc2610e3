package org.chokepoint.system;

/** A request parameter with a value that can't be used: answered with 400 naming the parameter. */
public class BadParameterException extends RuntimeException {

	private final String parameter;

	public BadParameterException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	public String parameter() {
		return this.parameter;
	}

}
