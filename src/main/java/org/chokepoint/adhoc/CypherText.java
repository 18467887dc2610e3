package org.chokepoint.adhoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The second line of defence: a check of the query text, for what Neo4j's plan does not
 * show or for when Neo4j could not plan the query. It reads the query as Cypher tokens,
 * so words in comments, string literals and backticked names are never taken for
 * keywords; a backticked name still counts as a procedure or function name, so
 * {@code CALL `dbms`.listConfig()} is seen.
 *
 * <p>
 * It is deliberately coarse: a variable named like an administration keyword
 * ({@code show}, {@code drop}, {@code use}) is refused too; backtick it or pick another
 * name.
 */
final class CypherText {

	/**
	 * Words that start administration commands, or the {@code USE} clause that picks
	 * another database.
	 */
	private static final Set<String> COMMANDS = Set.of("SHOW", "GRANT", "DENY", "REVOKE", "ALTER", "DROP", "TERMINATE",
			"USE", "RENAME", "DEALLOCATE", "REALLOCATE", "ENABLE", "DRYRUN");

	/**
	 * Words after CREATE that make it an administration or schema command rather than a
	 * clause.
	 */
	private static final Set<String> CREATE_COMMANDS = Set.of("OR", "USER", "ROLE", "DATABASE", "COMPOSITE", "ALIAS",
			"INDEX", "CONSTRAINT", "RANGE", "TEXT", "POINT", "LOOKUP", "FULLTEXT", "VECTOR", "BTREE", "SERVER");

	/**
	 * APOC namespaces that reach files, the network, other databases or run other Cypher.
	 */
	private static final List<String> APOC_OUTSIDE = List.of("apoc.load.", "apoc.import.", "apoc.export.",
			"apoc.cypher.", "apoc.periodic.", "apoc.bolt.", "apoc.systemdb.", "apoc.static.", "apoc.log.",
			"apoc.trigger.", "apoc.custom.", "apoc.uuid.", "apoc.ttl.", "apoc.mongo.", "apoc.es.", "apoc.redis.",
			"apoc.couchbase.", "apoc.dv.", "apoc.util.sleep");

	private CypherText() {
	}

	enum Kind {

		WORD, NAME, STRING, NUMBER, PARAMETER, SYMBOL

	}

	/** A token; {@code text} of a backticked name is the name without backticks. */
	record Token(Kind kind, String text, int offset) {

		boolean isWord(String word) {
			return this.kind == Kind.WORD && this.text.equalsIgnoreCase(word);
		}

		boolean isSymbol(String symbol) {
			return this.kind == Kind.SYMBOL && this.text.equals(symbol);
		}

	}

	/**
	 * Why the query may not run, or empty when the text shows nothing forbidden.
	 * @param isAllowedProcedure whether a procedure of that name may be called
	 */
	static Optional<String> refusal(String query, Predicate<String> isAllowedProcedure) {
		List<Token> tokens = tokens(query);
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			Token previous = i > 0 ? tokens.get(i - 1) : null;
			Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
			boolean keywordPosition = token.kind() == Kind.WORD
					&& (previous == null || !(previous.isSymbol(".") || previous.isSymbol(":")))
					&& (next == null || !next.isSymbol(":"));
			if (keywordPosition) {
				String word = token.text().toUpperCase(Locale.ROOT);
				if (COMMANDS.contains(word)) {
					return Optional
						.of(word.equals("USE") ? "the USE clause is not allowed: queries run on the default database"
								: "administration commands (" + word + " ...) are not allowed");
				}
				if (word.equals("CREATE") && next != null
						&& CREATE_COMMANDS.contains(next.text().toUpperCase(Locale.ROOT))) {
					return Optional.of("administration and schema commands (CREATE "
							+ next.text().toUpperCase(Locale.ROOT) + " ...) are not allowed");
				}
				if ((word.equals("START") || word.equals("STOP")) && next != null && next.isWord("DATABASE")) {
					return Optional.of("administration commands (" + word + " ...) are not allowed");
				}
				if (word.equals("LOAD") && next != null && next.isWord("CSV")) {
					return Optional.of("LOAD CSV is not allowed: it reads files and URLs");
				}
				if (word.equals("TRANSACTIONS")) {
					return Optional.of("CALL { ... } IN TRANSACTIONS is not allowed: it commits on its own");
				}
				if (word.equals("CALL") && next != null && (next.kind() == Kind.WORD || next.kind() == Kind.NAME)) {
					String procedure = qualifiedName(tokens, i + 1);
					if (!isAllowedProcedure.test(procedure)) {
						return Optional.of("procedure " + procedure + " is not allowed");
					}
				}
			}
			if ((token.kind() == Kind.WORD || token.kind() == Kind.NAME)
					&& !(previous != null && previous.isSymbol("."))) {
				String name = qualifiedName(tokens, i).toLowerCase(Locale.ROOT);
				if (APOC_OUTSIDE.stream().anyMatch(name::startsWith)) {
					return Optional.of(name + " is not allowed: it reaches outside the database");
				}
			}
			if (token.isSymbol(";") && next != null) {
				return Optional.of("one statement per request");
			}
		}
		return Optional.empty();
	}

	/**
	 * The dotted name starting at token {@code start}, e.g.
	 * {@code db.schema.visualization}.
	 */
	private static String qualifiedName(List<Token> tokens, int start) {
		StringBuilder name = new StringBuilder(tokens.get(start).text());
		int i = start + 1;
		while (i + 1 < tokens.size() && tokens.get(i).isSymbol(".")
				&& (tokens.get(i + 1).kind() == Kind.WORD || tokens.get(i + 1).kind() == Kind.NAME)) {
			name.append('.').append(tokens.get(i + 1).text());
			i += 2;
		}
		return name.toString();
	}

	/**
	 * The query as Cypher tokens, comments dropped. An unterminated string or comment
	 * runs to the end.
	 */
	static List<Token> tokens(String query) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		int n = query.length();
		while (i < n) {
			char c = query.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (query.startsWith("//", i)) {
				int end = query.indexOf('\n', i);
				i = end < 0 ? n : end + 1;
			}
			else if (query.startsWith("/*", i)) {
				int end = query.indexOf("*/", i + 2);
				i = end < 0 ? n : end + 2;
			}
			else if (c == '\'' || c == '"') {
				int end = i + 1;
				while (end < n && query.charAt(end) != c) {
					end += query.charAt(end) == '\\' ? 2 : 1;
				}
				tokens.add(new Token(Kind.STRING, query.substring(i + 1, Math.min(end, n)), i));
				i = end + 1;
			}
			else if (c == '`') {
				StringBuilder name = new StringBuilder();
				int end = i + 1;
				while (end < n) {
					if (query.charAt(end) == '`') {
						if (end + 1 < n && query.charAt(end + 1) == '`') {
							name.append('`');
							end += 2;
							continue;
						}
						break;
					}
					name.append(query.charAt(end++));
				}
				tokens.add(new Token(Kind.NAME, name.toString(), i));
				i = end + 1;
			}
			else if (c == '$') {
				int end = i + 1;
				while (end < n && (Character.isLetterOrDigit(query.charAt(end)) || query.charAt(end) == '_')) {
					end++;
				}
				tokens.add(new Token(Kind.PARAMETER, query.substring(i, end), i));
				i = end;
			}
			else if (Character.isDigit(c)) {
				int end = i + 1;
				while (end < n && (Character.isLetterOrDigit(query.charAt(end)) || query.charAt(end) == '_')) {
					end++;
				}
				tokens.add(new Token(Kind.NUMBER, query.substring(i, end), i));
				i = end;
			}
			else if (Character.isLetter(c) || c == '_') {
				int end = i + 1;
				while (end < n && (Character.isLetterOrDigit(query.charAt(end)) || query.charAt(end) == '_')) {
					end++;
				}
				tokens.add(new Token(Kind.WORD, query.substring(i, end), i));
				i = end;
			}
			else {
				tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), i));
				i++;
			}
		}
		return tokens;
	}

}
