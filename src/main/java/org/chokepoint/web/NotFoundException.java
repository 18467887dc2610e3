package org.chokepoint.web;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A key that names nothing in the knowledge graph: answered with a 404 problem detail
 * that names the kind of thing looked for and the key, and lists close keys that exist
 * ({@code suggestions}).
 */
public class NotFoundException extends RuntimeException {

	private final String kind;

	private final String key;

	private final List<String> suggestions;

	/**
	 * @param kind what was looked for, in words: {@code country}, {@code mineral}, ...
	 * @param key the key as the client gave it
	 */
	public NotFoundException(String kind, String key) {
		this(kind, key, List.of());
	}

	/**
	 * @param kind what was looked for, in words: {@code country}, {@code mineral}, ...
	 * @param key the key as the client gave it
	 * @param suggestions close keys that do exist, closest first (the detail names them)
	 */
	public NotFoundException(String kind, String key, List<String> suggestions) {
		this(kind, clip(key), List.copyOf(suggestions), true);
	}

	private NotFoundException(String kind, String key, List<String> suggestions, boolean clipped) {
		super("No " + kind + " with key '" + key + "'" + (suggestions.isEmpty() ? "" : "; did you mean "
				+ suggestions.stream().map(s -> "'" + s + "'").collect(Collectors.joining(", ", "", "")) + "?"));
		this.kind = kind;
		this.key = key;
		this.suggestions = suggestions;
	}

	/** Close keys that exist, closest first; empty when none is close. */
	public List<String> suggestions() {
		return this.suggestions;
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
