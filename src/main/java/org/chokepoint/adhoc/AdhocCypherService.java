package org.chokepoint.adhoc;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.driver.AccessMode;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Result;
import org.neo4j.driver.Session;
import org.neo4j.driver.SessionConfig;
import org.neo4j.driver.Transaction;
import org.neo4j.driver.TransactionConfig;
import org.neo4j.driver.exceptions.Neo4jException;
import org.neo4j.driver.summary.ResultSummary;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Runs analysts' ad-hoc read queries: checks their shape ({@link QueryShape}), then what
 * they would do ({@link PlanCheck}, then {@link CypherText}), then runs them in a read
 * transaction with a timeout, fetching at most {@code max-rows} rows and
 * {@code max-answer-size} bytes ({@link AnswerSize}).
 *
 * <p>
 * Queries run on the {@link AdhocQueryPool}, never on the request thread, and the request
 * waits for one at most the timeout plus {@link #GRACE} from its arrival: Neo4j stops the
 * transaction at the timeout (server side), and should it not answer, the request is told
 * anyway and the worker's connection is closed (client side). Transactions are explicit,
 * never the driver's managed ones, which retry "transient" errors such as a memory limit
 * for up to 30 s.
 *
 * <p>
 * The raw driver rather than {@code Neo4jClient}: the checks need the result summary of
 * an {@code EXPLAIN}, and the caps need a result streamed record by record.
 */
@Service
public class AdhocCypherService {

	/**
	 * Put before the query to plan it; on a line of its own, so positions in the query
	 * shift by one line.
	 */
	private static final String EXPLAIN = "EXPLAIN\n";

	/**
	 * How long past the timeout a request waits before it is told regardless (so it is
	 * told within 2 s of its limit, answer written).
	 */
	static final Duration GRACE = Duration.ofMillis(1500);

	private final Driver driver;

	private final CypherProperties properties;

	private final AdhocQueryPool pool;

	AdhocCypherService(Driver driver, CypherProperties properties, AdhocQueryPool pool) {
		this.driver = driver;
		this.properties = properties;
		this.pool = pool;
	}

	/** Checks and runs one read query. */
	public CypherResponse run(CypherRequest request) {
		long started = System.nanoTime();
		Optional<CypherQueryException> shape = QueryShape.refusal(request.query(), this.properties);
		if (shape.isPresent()) {
			throw shape.get();
		}
		long deadline = started + this.properties.timeout().toNanos();
		AtomicBoolean running = new AtomicBoolean();
		Future<CypherResponse> future;
		try {
			future = this.pool.submit(() -> {
				running.set(true);
				return runNow(request, started, deadline);
			});
		}
		catch (RejectedExecutionException ex) {
			throw busy();
		}
		try {
			return future.get(deadline + GRACE.toNanos() - System.nanoTime(), TimeUnit.NANOSECONDS);
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			throw running.get() ? timedOut() : busy();
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (CancellationException ex) {
			throw timedOut();
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			throw timedOut();
		}
	}

	private CypherResponse runNow(CypherRequest request, long started, long deadline) {
		// fetch one row past the cap, to know whether there are more
		int fetch = Math.min(this.properties.maxRows() + 1, 1000);
		SessionConfig sessionConfig = SessionConfig.builder()
			.withDefaultAccessMode(AccessMode.READ)
			.withFetchSize(fetch)
			.build();
		try (Session session = this.driver.session(sessionConfig)) {
			check(session, config(deadline), request);
			try (Transaction tx = session.beginTransaction(config(deadline))) {
				Result result = tx.run(request.query(), request.parameters());
				List<String> columns = result.keys();
				List<List<Object>> rows = new ArrayList<>();
				AnswerSize size = new AnswerSize(this.properties.maxAnswerSize().toBytes());
				while (rows.size() < this.properties.maxRows() && result.hasNext()) {
					Record record = result.next();
					size.add(record.values());
					rows.add(row(record));
				}
				// the rest is not fetched: leaving the transaction discards it on the
				// server
				boolean truncated = result.hasNext();
				long millis = (System.nanoTime() - started) / 1_000_000;
				return new CypherResponse(columns, rows, rows.size(), truncated, millis);
			}
		}
		catch (Neo4jException ex) {
			throw translate(ex, 0, 0);
		}
	}

	/** A read transaction that Neo4j stops at the deadline. */
	private TransactionConfig config(long deadline) {
		long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
		return TransactionConfig.builder().withTimeout(Duration.ofMillis(left)).build();
	}

	private void check(Session session, TransactionConfig config, CypherRequest request) {
		ResultSummary explained;
		try (Transaction tx = session.beginTransaction(config)) {
			String planned = EXPLAIN + withoutProfile(request.query());
			explained = tx.run(planned, request.parameters()).consume();
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

	private CypherQueryException timedOut() {
		return Neo4jErrors.timedOut(null, this.properties.timeout());
	}

	private CypherQueryException busy() {
		long retryAfter = Math.max(1, (this.properties.timeout().toMillis() + 999) / 1000);
		return new CypherQueryException(HttpStatus.SERVICE_UNAVAILABLE, "Too many ad-hoc queries",
				(this.properties.concurrency() == 1 ? "The one place"
						: "All " + this.properties.concurrency() + " places")
						+ " for ad-hoc queries (chokepoint.cypher.concurrency) and " + this.properties.queue()
						+ " in the queue (chokepoint.cypher.queue) are taken; try again in " + retryAfter + " s.",
				Map.of("limit", "chokepoint.cypher.concurrency", "retryAfterSeconds", retryAfter));
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
