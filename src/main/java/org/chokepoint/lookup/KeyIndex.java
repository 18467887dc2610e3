package org.chokepoint.lookup;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The keys of one kind of thing (countries, products, ...) with their names, and how a
 * key a user typed is matched to one of them: the key as it is; else the key ignoring
 * case; else a name ignoring case (a name's part before a parenthesis counts too:
 * {@code rare earths} for "rare earths (total rare-earth oxides)"), each only where it
 * names one thing. When nothing matches, {@link #suggestions} lists the closest keys. No
 * Spring, no database.
 */
public final class KeyIndex {

	/** How many close keys a miss suggests at most. */
	public static final int MAX_SUGGESTIONS = 3;

	private final Set<String> keys;

	private final Map<String, Set<String>> byLowerKey = new HashMap<>();

	private final Map<String, Set<String>> byLowerName = new HashMap<>();

	private final Map<String, String> names;

	/**
	 * @param names key to name (the name may be null)
	 */
	public KeyIndex(Map<String, String> names) {
		this.names = new LinkedHashMap<>(names);
		this.keys = this.names.keySet();
		this.names.forEach((key, name) -> {
			this.byLowerKey.computeIfAbsent(lower(key), k -> new HashSet<>()).add(key);
			for (String alias : aliases(name)) {
				this.byLowerName.computeIfAbsent(alias, k -> new HashSet<>()).add(key);
			}
		});
	}

	private static List<String> aliases(String name) {
		if (name == null || name.isBlank()) {
			return List.of();
		}
		List<String> aliases = new ArrayList<>(List.of(lower(name)));
		int parenthesis = name.indexOf('(');
		if (parenthesis > 0) {
			aliases.add(lower(name.substring(0, parenthesis)));
		}
		return aliases;
	}

	private static String lower(String value) {
		return value.strip().toLowerCase(Locale.ROOT);
	}

	/** The key the given one names, if it names exactly one. */
	public Optional<String> resolve(String given) {
		if (given == null || given.isBlank()) {
			return Optional.empty();
		}
		String key = given.strip();
		if (this.keys.contains(key)) {
			return Optional.of(key);
		}
		Set<String> byKey = this.byLowerKey.getOrDefault(lower(key), Set.of());
		if (byKey.size() == 1) {
			return Optional.of(byKey.iterator().next());
		}
		Set<String> byName = this.byLowerName.getOrDefault(lower(key), Set.of());
		if (byKey.isEmpty() && byName.size() == 1) {
			return Optional.of(byName.iterator().next());
		}
		return Optional.empty();
	}

	/**
	 * Up to {@value #MAX_SUGGESTIONS} keys close to the given one, closest first: those
	 * whose key or name holds it, and those within a few edits of it or of their name
	 * (one edit in three characters, at least one).
	 */
	public List<String> suggestions(String given) {
		if (given == null || given.isBlank() || given.length() > 100) {
			return List.of();
		}
		String typed = lower(given);
		Map<String, Integer> distance = new HashMap<>();
		for (String key : this.keys) {
			int best = Integer.MAX_VALUE;
			List<String> candidates = new ArrayList<>(aliases(this.names.get(key)));
			candidates.add(lower(key));
			for (String candidate : candidates) {
				// a key or name that holds what was typed is as close as one edit
				// away; else, the edits between them
				int edits = typed.length() >= 3 && candidate.contains(typed) ? 1 : levenshtein(typed, candidate);
				best = Math.min(best, edits);
			}
			if (best <= Math.max(1, typed.length() / 3)) {
				distance.put(key, best);
			}
		}
		return distance.keySet()
			.stream()
			.sorted(Comparator.comparing((String key) -> distance.get(key)).thenComparing(Comparator.naturalOrder()))
			.limit(MAX_SUGGESTIONS)
			.toList();
	}

	/** How many keys the index holds. */
	public int size() {
		return this.keys.size();
	}

	/** The edits (insert, delete, replace a character) from one string to the other. */
	static int levenshtein(String a, String b) {
		if (Math.abs(a.length() - b.length()) > 40) {
			return Integer.MAX_VALUE / 2;
		}
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
				current[j] = Math.min(replace, Math.min(previous[j] + 1, current[j - 1] + 1));
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

}
