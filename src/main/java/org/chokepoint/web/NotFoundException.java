package org.chokepoint.web;

/**
 * A key that names nothing in the knowledge graph: answered with a 404 problem detail
 * that names the kind of thing looked for and the key.
 */
public class NotFoundException extends RuntimeException {

	private final String kind;

	private final String key;

	/**
	 * @param kind what was looked for, in words: {@code country}, {@code mineral}, ...
	 * @param key the key as the client gave it
	 */
	public NotFoundException(String kind, String key) {
		this(kind, clip(key), true);
	}

	private NotFoundException(String kind, String key, boolean clipped) {
		super("No " + kind + " with key '" + key + "'");
		this.kind = kind;
		this.key = key;
	}

	/** A key of a megabyte is not echoed back whole. */
	private static String clip(String key) {
		return key == null || key.length() <= 200 ? key : key.substring(0, 197) + "...";
	}

	public String kind() {
		return this.kind;
	}

	public String key() {
		return this.key;
	}

}
