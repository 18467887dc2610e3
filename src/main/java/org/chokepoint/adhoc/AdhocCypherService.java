package org.chokepoint.adhoc;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.ResultSummary;

import org.springframework.stereotype.Service;

/**
 * Runs analysts' ad-hoc read queries: checks them ({@link PlanCheck}, then
 * {@link CypherText}), then runs them in a read transaction with a timeout, fetching at
 * most {@code max-rows} rows.
 *
 * <p>
 * The raw driver rather than {@code Neo4jClient}: the checks need the result summary of
 * an {@code EXPLAIN}, and the row cap needs a result streamed record by record.
 */
@Service
public class AdhocCypherService {

	/**
	 * Put before the query to plan it; on a line of its own, so positions in the query
	 * shift by one line.
	 */
	private static final String EXPLAIN = "EXPLAIN\n";

	private final Driver driver;

	private final CypherProperties properties;

	AdhocCypherService(Driver driver, CypherProperties properties) {
		this.driver = driver;
		this.properties = properties;
	}

	/** Checks and runs one read query. */
	public CypherResponse run(CypherRequest request) {
		long started = System.nanoTime();
		TransactionConfig config = TransactionConfig.builder().withTimeout(this.properties.timeout()).build();
		// fetch one row past the cap, to know whether there are more
		int fetch = Math.min(this.properties.maxRows() + 1, 1000);
		SessionConfig sessionConfig = SessionConfig.builder()
			.withDefaultAccessMode(AccessMode.READ)
			.withFetchSize(fetch)
			.build();
		try (Session session = this.driver.session(sessionConfig)) {
			check(session, config, request);
			return session.executeRead(tx -> {
				Result result = tx.run(request.query(), request.parameters());
				List<String> columns = result.keys();
				List<List<Object>> rows = new ArrayList<>();
				while (rows.size() < this.properties.maxRows() && result.hasNext()) {
					rows.add(row(result.next()));
				}
				// the rest is not fetched: leaving the transaction discards it on the
				// server
				boolean truncated = result.hasNext();
				long millis = (System.nanoTime() - started) / 1_000_000;
				return new CypherResponse(columns, rows, rows.size(), truncated, millis);
			}, config);
		}
		catch (Neo4jException ex) {
			throw translate(ex, 0, 0);
		}
	}

	private void check(Session session, TransactionConfig config, CypherRequest request) {
		ResultSummary explained;
		try {
			String planned = EXPLAIN + withoutProfile(request.query());
			explained = session.executeRead(tx -> tx.run(planned, request.parameters()).consume(), config);
		}
		catch (Neo4jException ex) {
			// a query Neo4j can't plan can't run either; but if its text shows why it
			// would be refused, say that
			textRefusal(request.query()).ifPresent(reason -> {
				throw CypherQueryException.notAllowed(reason, "text");
			});
			throw translate(ex, 1, EXPLAIN.length());
		}
		Optional<String> refusal = PlanCheck.refusal(explained, this.properties::allowsProcedure);
		if (refusal.isPresent()) {
			throw CypherQueryException.notAllowed(refusal.get(), "plan");
		}
		textRefusal(request.query()).ifPresent(reason -> {
			throw CypherQueryException.notAllowed(reason, "text");
		});
	}

	private Optional<String> textRefusal(String query) {
		return CypherText.refusal(query, this.properties::allowsProcedure);
	}

	private RuntimeException translate(Neo4jException ex, int prefixLines, int prefixLength) {
		CypherQueryException translated = Neo4jErrors.translate(ex, this.properties.timeout(), prefixLines,
				prefixLength);
		return translated != null ? translated : ex;
	}

	private static List<Object> row(Record record) {
		List<Object> row = new ArrayList<>(record.size());
		record.values().forEach(value -> row.add(CypherValues.toJson(value)));
		return row;
	}

	/**
	 * The query with a leading {@code PROFILE} blanked out (same length, so positions
	 * hold): {@code EXPLAIN PROFILE} is a conflict for Neo4j, while
	 * {@code EXPLAIN EXPLAIN} is fine.
	 */
	static String withoutProfile(String query) {
		List<CypherText.Token> tokens = CypherText.tokens(query);
		for (int i = 0; i < tokens.size(); i++) {
			CypherText.Token token = tokens.get(i);
			if (token.isWord("PROFILE")) {
				return query.substring(0, token.offset()) + "       " + query.substring(token.offset() + 7);
			}
			// pre-parser options: CYPHER 5 runtime=slotted ...
			boolean option = token.isWord("CYPHER") || token.kind() == CypherText.Kind.NUMBER || token.isSymbol("=")
					|| (token.kind() == CypherText.Kind.WORD && i + 1 < tokens.size()
							&& tokens.get(i + 1).isSymbol("="))
					|| (i > 0 && tokens.get(i - 1).isSymbol("="));
			if (!option) {
				break;
			}
		}
		return query;
	}

}
