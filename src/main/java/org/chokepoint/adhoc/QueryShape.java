package org.chokepoint.adhoc;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.http.HttpStatus;

/**
 * The shape of a query, checked before Neo4j sees it: its length, how deeply its brackets
 * nest, and how deep its expressions are. Neo4j's parser recurses on nesting, and a query
 * nested a thousand deep overflowed its stack without an answer to the client (the
 * request hung); here it is a 400 naming the limit, in microseconds.
 *
 * <p>
 * Expression depth counts, at every point of the query, the enclosing brackets plus the
 * operators chained before it on each enclosing level ({@code NOT NOT x}, {@code -(-(1))}
 * , {@code a + b * c}); a comma or a clause keyword ends a chain. Strings and comments
 * count for nothing (tokens from {@link CypherText}).
 */
final class QueryShape {

	private static final Set<String> OPERATOR_WORDS = Set.of("AND", "OR", "XOR", "NOT", "IN", "STARTS", "ENDS",
			"CONTAINS", "IS");

	private static final String OPERATOR_SYMBOLS = "+-*/%^=<>!|~";

	private static final Set<String> CHAIN_ENDS = Set.of("MATCH", "OPTIONAL", "WHERE", "RETURN", "WITH", "UNWIND", "AS",
			"ORDER", "BY", "SKIP", "LIMIT", "CALL", "YIELD", "UNION", "CASE", "WHEN", "THEN", "ELSE", "END",
			"DISTINCT");

	private QueryShape() {
	}

	/** The query's refusal, or empty when its shape is within the limits. */
	static Optional<CypherQueryException> refusal(String query, CypherProperties limits) {
		if (query.length() > limits.maxQueryLength()) {
			return Optional
				.of(tooLarge(
						"The query is " + query.length() + " characters long, more than " + limits.maxQueryLength()
								+ " (chokepoint.cypher.max-query-length).",
						"max-query-length", limits.maxQueryLength()));
		}
		List<CypherText.Token> tokens = CypherText.tokens(query);
		Deque<int[]> chains = new ArrayDeque<>();
		chains.push(new int[1]);
		int chained = 0; // the sum over all levels
		for (CypherText.Token token : tokens) {
			if (isOpening(token)) {
				chains.push(new int[1]);
				if (chains.size() - 1 > limits.maxNesting()) {
					return Optional.of(tooLarge(
							"The query's brackets nest more than " + limits.maxNesting()
									+ " deep (chokepoint.cypher.max-nesting), at offset " + token.offset() + ".",
							"max-nesting", limits.maxNesting()));
				}
			}
			else if (isClosing(token)) {
				if (chains.size() > 1) {
					chained -= chains.pop()[0];
				}
			}
			else if (isOperator(token)) {
				chains.peek()[0]++;
				chained++;
			}
			else if (token.isSymbol(",") || (token.kind() == CypherText.Kind.WORD
					&& CHAIN_ENDS.contains(token.text().toUpperCase(Locale.ROOT)))) {
				chained -= chains.peek()[0];
				chains.peek()[0] = 0;
			}
			int depth = chains.size() - 1 + chained;
			if (depth > limits.maxExpressionDepth()) {
				return Optional.of(tooLarge(
						"The query's expressions are more than " + limits.maxExpressionDepth()
								+ " deep (chokepoint.cypher.max-expression-depth), at offset " + token.offset() + ".",
						"max-expression-depth", limits.maxExpressionDepth()));
			}
		}
		return Optional.empty();
	}

	private static boolean isOpening(CypherText.Token token) {
		return token.isSymbol("(") || token.isSymbol("[") || token.isSymbol("{");
	}

	private static boolean isClosing(CypherText.Token token) {
		return token.isSymbol(")") || token.isSymbol("]") || token.isSymbol("}");
	}

	private static boolean isOperator(CypherText.Token token) {
		if (token.kind() == CypherText.Kind.SYMBOL) {
			return token.text().length() == 1 && OPERATOR_SYMBOLS.indexOf(token.text().charAt(0)) >= 0;
		}
		return token.kind() == CypherText.Kind.WORD && OPERATOR_WORDS.contains(token.text().toUpperCase(Locale.ROOT));
	}

	private static CypherQueryException tooLarge(String detail, String limit, int maximum) {
		return new CypherQueryException(HttpStatus.BAD_REQUEST, "Query too large", detail,
				Map.of("limit", "chokepoint.cypher." + limit, "maximum", maximum));
	}

}
