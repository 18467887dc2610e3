package org.chokepoint.adhoc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import org.chokepoint.ChokepointTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.neo4j.driver.Driver;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The limits of {@code POST /api/cypher} against hostile queries, each with a wall-clock
 * guard (the HTTP client gives up long after the limit), so a regression fails rather
 * than hangs: the shape guard, the timeout on both sides, the memory limit, the byte cap
 * on answers, and the bounded pool that keeps the health check answering.
 */
@ChokepointTest(properties = { "chokepoint.import.on-startup=false", "chokepoint.cypher.timeout=3s" })
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdhocCypherLimitsIT {

	static final long LIMIT_MILLIS = 3000;

	/**
	 * The most any answer may take: the limit plus 12 s. A wall-clock guard, not a speed
	 * test: with 100 hostile queries on two busy cores, a refusal was told in 5.2 to 5.9
	 * s (the two running queries hold both cores); before the fix, timed-out queries were
	 * told after up to 31.7 s, and a nested expression never.
	 */
	static final long TOLD_WITHIN_MILLIS = LIMIT_MILLIS + 12_000;

	/** The HTTP client's own give-up time: the wall-clock guard. */
	static final Duration GUARD = Duration.ofSeconds(60);

	@LocalServerPort
	int port;

	@Autowired
	Driver driver;

	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@BeforeAll
	void aGraphBigEnoughForACartesianProduct() {
		try (var session = this.driver.session()) {
			session.run("UNWIND range(1, 3000) AS i CREATE (:Filler {i: i, name: 'filler ' + i})").consume();
		}
	}

	/**
	 * Each test starts on a quiet database: the hostile queries of the one before (ended
	 * for their client, possibly still being stopped by the server) are gone, so they do
	 * not eat into this test's limits.
	 */
	@BeforeEach
	void noQueryStillRunning() {
		await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() -> {
			try (var session = this.driver.session()) {
				return session
					.run("SHOW TRANSACTIONS YIELD currentQuery WHERE NOT currentQuery STARTS WITH 'SHOW' "
							+ "RETURN count(*) AS running")
					.single()
					.get("running")
					.asLong() == 0;
			}
		});
	}

	@Test
	void aThousandNestedParenthesesAreRefusedAtOnceNamingTheLimit() throws Exception {
		String query = "RETURN " + "(".repeat(1000) + "1" + ")".repeat(1000) + " AS x";
		Timed answer = post(query);
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.millis()).isLessThan(2000);
		JsonNode problem = this.json.readTree(answer.body());
		assertThat(problem.get("title").stringValue()).isEqualTo("Query too large");
		assertThat(problem.get("limit").stringValue()).isEqualTo("chokepoint.cypher.max-nesting");
		assertThat(problem.get("detail").stringValue()).contains("more than 50")
			.contains("chokepoint.cypher.max-nesting");
	}

	@Test
	void aLongChainOfOperatorsIsRefusedNamingTheExpressionDepth() throws Exception {
		Timed answer = post("RETURN " + "NOT ".repeat(1000) + "true AS x");
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(answer.millis()).isLessThan(2000);
		assertThat(this.json.readTree(answer.body()).get("limit").stringValue())
			.isEqualTo("chokepoint.cypher.max-expression-depth");
	}

	@Test
	void anOverlongQueryIsRefusedNamingTheLength() throws Exception {
		Timed answer = post("RETURN 1 AS x " + "/* padding */".repeat(2000));
		assertThat(answer.status()).as(answer.body()).isEqualTo(400);
		assertThat(this.json.readTree(answer.body()).get("limit").stringValue())
			.isEqualTo("chokepoint.cypher.max-query-length");
	}

	@Test
	void ordinaryNestingAndExpressionsStillRun() throws Exception {
		Timed answer = post("RETURN " + "(".repeat(20) + "1" + ")".repeat(20) + " + 1 * 2 - 3 AS x, "
				+ "[x IN range(1, 3) WHERE x > 1 AND NOT x = 5 | {v: x}] AS l");
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
	}

	@Test
	void aCartesianProductIsStoppedWithinTheLimitNamingWhatWasHit() throws Exception {
		Timed answer = post("MATCH (a), (b), (c) RETURN collect([a, b, c]) AS all");
		assertThat(answer.millis()).as(answer.body()).isLessThan(TOLD_WITHIN_MILLIS);
		assertThat(answer.status()).as(answer.body()).isIn(400, 422);
		JsonNode problem = this.json.readTree(answer.body());
		assertThat(problem.get("limit").stringValue()).isIn("chokepoint.cypher.timeout",
				"chokepoint.embedded.transaction-max-memory");
	}

	@Test
	void tenMillionNumbersInOneRowAreStoppedNamingTheLimit() throws Exception {
		// the driver reads the whole row before it can be counted: on a busy machine that
		// takes longer than the 3 s limit of this test, and the timeout stops it first
		Timed answer = post("RETURN range(1, 10000000) AS numbers");
		assertThat(answer.millis()).as(answer.body()).isLessThan(TOLD_WITHIN_MILLIS);
		assertThat(answer.status()).as(answer.body()).isIn(400, 422);
		JsonNode problem = this.json.readTree(answer.body());
		assertThat(problem.get("limit").stringValue()).isIn("chokepoint.cypher.max-answer-size",
				"chokepoint.cypher.timeout", "chokepoint.embedded.transaction-max-memory");
	}

	@Test
	void aDoublingStringHitsTheByteCap() throws Exception {
		Timed answer = post("RETURN reduce(s = 'x', i IN range(1, 23) | s + s) AS s");
		assertThat(answer.millis()).as(answer.body()).isLessThan(TOLD_WITHIN_MILLIS);
		assertThat(answer.status()).as(answer.body()).isEqualTo(422);
		JsonNode problem = this.json.readTree(answer.body());
		assertThat(problem.get("limit").stringValue()).isEqualTo("chokepoint.cypher.max-answer-size");
		assertThat(problem.get("detail").stringValue()).contains("4194304 bytes");
	}

	@Test
	void manyRowsStayWithinTheByteCapOrAreCutByTheRowCap() throws Exception {
		Timed answer = post("UNWIND range(1, 5000) AS i RETURN i");
		assertThat(answer.status()).as(answer.body()).isEqualTo(200);
		assertThat(this.json.readTree(answer.body()).get("truncated").asBoolean()).isTrue();
	}

	@Test
	void sixteenConcurrentSlowQueriesAreAllToldWithinTheLimit() throws Exception {
		List<CompletableFuture<Timed>> answers = new ArrayList<>();
		for (int i = 0; i < 16; i++) {
			answers.add(postAsync("UNWIND range(1, 1000000000) AS x WITH x WHERE x = -" + i + " RETURN count(*) AS n"));
		}
		long slowest = 0;
		for (CompletableFuture<Timed> future : answers) {
			Timed answer = future.join();
			assertThat(answer.millis()).as(answer.body()).isLessThan(TOLD_WITHIN_MILLIS);
			slowest = Math.max(slowest, answer.millis());
			assertThat(answer.status()).as(answer.body()).isIn(400, 503);
			JsonNode problem = this.json.readTree(answer.body());
			if (answer.status() == 503) {
				assertThat(answer.retryAfter()).isNotNull();
				assertThat(problem.get("limit").stringValue()).isEqualTo("chokepoint.cypher.concurrency");
			}
			else {
				assertThat(problem.get("title").stringValue()).isEqualTo("Query timed out");
			}
		}
		System.out
			.println("16 slow queries: the slowest was told in " + slowest + " ms (limit " + LIMIT_MILLIS + " ms)");
	}

	@Test
	void healthStaysUpWhileAHundredHostileQueriesRun() throws Exception {
		List<String> hostile = List.of("MATCH (a), (b), (c) RETURN collect([a, b, c]) AS all",
				"UNWIND range(1, 1000000000) AS x WITH x WHERE x = -1 RETURN count(*) AS n",
				"RETURN range(1, 10000000) AS numbers", "RETURN " + "(".repeat(1000) + "1" + ")".repeat(1000),
				"RETURN reduce(s = 'x', i IN range(1, 23) | s + s) AS s");
		List<CompletableFuture<Timed>> answers = new ArrayList<>();
		for (int i = 0; i < 100; i++) {
			answers.add(postAsync(hostile.get(i % hostile.size())));
		}
		for (int i = 0; i < 5; i++) {
			long started = System.nanoTime();
			HttpResponse<String> health = this.http
				.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/actuator/health"))
					.timeout(GUARD)
					.build(), HttpResponse.BodyHandlers.ofString());
			long millis = (System.nanoTime() - started) / 1_000_000;
			assertThat(health.statusCode()).as(health.body()).isEqualTo(200);
			assertThat(this.json.readTree(health.body()).get("status").stringValue()).isEqualTo("UP");
			System.out.println("health answered UP in " + millis + " ms");
			Thread.sleep(300);
		}
		long slowest = 0;
		for (CompletableFuture<Timed> future : answers) {
			Timed answer = future.join();
			assertThat(answer.status()).as(answer.body()).isBetween(400, 503).isNotEqualTo(500);
			assertThat(answer.millis()).as(answer.body()).isLessThan(TOLD_WITHIN_MILLIS);
			slowest = Math.max(slowest, answer.millis());
		}
		System.out
			.println("100 hostile queries: the slowest was told in " + slowest + " ms (limit " + LIMIT_MILLIS + " ms)");
	}

	record Timed(int status, String body, long millis, String retryAfter) {
	}

	private Timed post(String query) {
		return postAsync(query).join();
	}

	private CompletableFuture<Timed> postAsync(String query) {
		String body = this.json.writeValueAsString(Map.of("query", query));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/cypher"))
			.header("Content-Type", "application/json")
			.timeout(GUARD)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		long started = System.nanoTime();
		return this.http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
			.thenApply(response -> new Timed(response.statusCode(), response.body(),
					(System.nanoTime() - started) / 1_000_000,
					response.headers().firstValue("Retry-After").orElse(null)));
	}

}
