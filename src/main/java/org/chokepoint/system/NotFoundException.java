package org.chokepoint.system;

/**
 * A key that names nothing in the knowledge graph: answered with a 404 problem detail that names
 * the kind of thing looked for and the key.
 */
public class NotFoundException extends RuntimeException {

	private final String kind;

	private final String key;

	/**
	 * @param kind what was looked for, in words: {@code country}, {@code mineral}, ...
	 * @param key the key as the client gave it
	 */
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
