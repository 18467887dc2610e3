package org.chokepoint.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.chokepoint.ChokepointTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Hostile input over HTTP: parameters that Java would read leniently (hex, type suffixes,
 * underflow, full-width digits, signs, far dates) are 400s naming the parameter, while
 * plain values still pass; a JSON body that is not well-formed UTF-8 is a 400; and a
 * client over the rate limit of a group of endpoints (here 40 an hour) gets 429 with
 * {@code Retry-After}.
 */
@ChokepointTest(properties = { "chokepoint.import.on-startup=false", "chokepoint.rate-limit.enabled=true",
		"chokepoint.rate-limit.requests=40", "chokepoint.rate-limit.period=1h" })
class HttpHardeningIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "/api/spof?consumer=EU&threshold=|0x1p-1|threshold",
			"/api/spof?consumer=EU&threshold=|0.5d|threshold", "/api/spof?consumer=EU&threshold=|1e-400|threshold",
			"/api/spof?consumer=EU&threshold=|-0|threshold", "/api/spof?consumer=EU&threshold=|NaN|threshold",
			"/api/spof?consumer=EU&threshold=|0,5|threshold", "/api/spof?consumer=EU&year=|２０１９|year",
			"/api/spof?consumer=EU&year=|٢٠١٩|year", "/api/spof?consumer=EU&year=|+2019|year",
			"/api/spof?consumer=EU&year=|2019.0|year", "/api/spof?consumer=EU&asOf=|+999999999-12-31|asOf",
			"/api/spof?consumer=EU&asOf=|+99999-08-01|asOf", "/api/spof?consumer=EU&asOf=|2024-02-30|asOf",
			"/api/agreements?page=|+1|page", "/api/agreements?page=|１|page" })
	void aLenientlyReadableValueIsA400NamingTheParameter(String prefix, String value, String parameter)
			throws Exception {
		HttpResponse<String> response = get(prefix + URLEncoder.encode(value, StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("parameter").stringValue()).isEqualTo(parameter);
		assertThat(problem.get("detail").stringValue()).contains(parameter);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "/api/spof?consumer=EU&threshold=0.5", "/api/spof?consumer=EU&threshold=5e-1",
					"/api/spof?consumer=EU&threshold=0", "/api/spof?consumer=EU&year=2019",
					"/api/spof?consumer=EU&asOf=2024-02-29", "/api/agreements?page=0" })
	void plainValuesStillPass(String uri) throws Exception {
		HttpResponse<String> response = get(uri);
		assertThat(response.statusCode()).as(response.body()).isNotEqualTo(400).isLessThan(500);
	}

	@ParameterizedTest
	@CsvSource({ "/api/scenarios, C0AF", "/api/cypher, C0AF", "/api/cypher, E080AF", "/api/cypher, FF",
			"/api/cypher, C3", "/api/cypher, EDA080" })
	void malformedUtf8InAJsonBodyIsA400NamingTheBody(String path, String hex) throws Exception {
		byte[] bad = java.util.HexFormat.of().parseHex(hex);
		byte[] before = "{\"query\": \"RETURN '".getBytes(StandardCharsets.UTF_8);
		byte[] after = "' AS x\"}".getBytes(StandardCharsets.UTF_8);
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		body.write(before);
		body.write(bad);
		body.write(after);
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("parameter").stringValue()).isEqualTo("body");
		assertThat(problem.get("offset").asInt()).isEqualTo(before.length);
	}

	@org.junit.jupiter.api.Test
	void wellFormedUtf8StillPasses() throws Exception {
		HttpResponse<String> response = this.http.send(HttpRequest.newBuilder(uri("/api/cypher"))
			.header("Content-Type", "application/json")
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.ofString("{\"query\": \"RETURN 'Æ/€😀' AS x\"}", StandardCharsets.UTF_8))
			.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(this.json.readTree(response.body()).get("rows").get(0).get(0).stringValue()).isEqualTo("Æ/€😀");
	}

	@org.junit.jupiter.api.Test
	void aClientOverTheRateLimitGets429WithRetryAfter() throws Exception {
		// the import group: each call is refused at once (no credentials), but counted
		HttpRequest request = HttpRequest.newBuilder(uri("/api/admin/import"))
			.timeout(Duration.ofSeconds(60))
			.POST(HttpRequest.BodyPublishers.noBody())
			.build();
		int refused = 0;
		HttpResponse<String> response = null;
		for (int i = 0; i < 41; i++) {
			response = this.http.send(request, HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 429) {
				refused++;
			}
			else {
				assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
			}
		}
		assertThat(refused).isEqualTo(1);
		assertThat(response.statusCode()).isEqualTo(429);
		long retryAfter = Long.parseLong(response.headers().firstValue("Retry-After").orElseThrow());
		assertThat(retryAfter).isBetween(1L, 3600L);
		JsonNode problem = this.json.readTree(response.body());
		assertThat(problem.get("title").stringValue()).isEqualTo("Too many requests");
		assertThat(problem.get("group").stringValue()).isEqualTo("import");
		assertThat(problem.get("detail").stringValue()).contains("at most 40 per 3600 s");
		// another group is counted on its own
		HttpResponse<String> other = get("/api/spof?consumer=EU&threshold=0.5");
		assertThat(other.statusCode()).isNotEqualTo(429);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + this.port + path);
	}

	private HttpResponse<String> get(String pathAndQuery) throws Exception {
		return this.http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + pathAndQuery))
			.timeout(Duration.ofSeconds(60))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
