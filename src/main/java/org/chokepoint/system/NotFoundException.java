package org.chokepoint.system;

/** A key that names nothing in the database: answered with 404. */
public class NotFoundException extends RuntimeException {

	private final String kind;

	private final String key;

	public NotFoundException(String kind, String key) {
		super("No " + kind + " with key '" + key + "'");
		this.kind = kind;
		this.key = key;
	}

	public String kind() {
		return this.kind;
	}

	public String key() {
		return this.key;
	}

}
