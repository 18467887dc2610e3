package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.chokepoint.Api;
import org.chokepoint.ChokepointTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The analyses as CSV on the shipped data: the same numbers as the JSON answers to the
 * same request, one row per product, single point of failure or scenario hit, units in
 * the column names. Numbers are compared to 1e-9, as there: the analyses sum in an order
 * that can change the last digits.
 */
@ChokepointTest
class CsvAnalysesIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void exposureOfTheEuPerProduct() {
		String query = "/api/exposure?consumer=EU&year=2026&asOf=2026-02-15";
		List<String> rows = rows(csv(api().get(query, "text/csv")));
		assertThat(rows.get(0)).isEqualTo("consumer,year,product,china_exposure_fraction,unknown_share_fraction,"
				+ "china_free_share_fraction,worst_input,single_points_of_failure");
		JsonNode json = api().getOk(query, JsonNode.class);
		assertThat(rows).hasSize(json.get("items").size() + 1);
		int i = 1;
		for (JsonNode p : json.get("items")) {
			assertRow(rows.get(i++),
					String.join(",", "EU", "2026", p.get("product").asString(), cell(p, "chinaExposure"),
							cell(p, "unknownShare"), cell(p, "chinaFreeShare"), p.get("worstInput").asString(),
							p.get("singlePointsOfFailure").asString()));
		}
		// the magnet chain as docs/metrics.md reads it: China's share around 85-95 %
		assertThat(Double.parseDouble(row(rows, "EU,2026,ndfeb-magnet,").split(",")[3])).isBetween(0.85, 0.95);
	}

	@Test
	void singlePointsOfFailureOfTheEuWithAlternativesAlliedOnesAndStockpileCover() {
		String query = "/api/spof?consumer=EU&year=2026&asOf=2026-02-15";
		List<String> rows = rows(csv(api().get(query, "text/csv")));
		assertThat(rows.get(0)).isEqualTo("consumer,year,threshold_fraction,product,item,stage,country,share_fraction,"
				+ "kind,alternatives,allied_alternatives,days_of_cover");
		JsonNode json = api().getOk(query, JsonNode.class);
		assertThat(rows).hasSize(json.get("items").size() + 1);
		int i = 1;
		for (JsonNode s : json.get("items")) {
			List<String> all = new java.util.ArrayList<>();
			List<String> allied = new java.util.ArrayList<>();
			s.get("alternatives").forEach(a -> {
				all.add(a.get("country").asString());
				if (a.get("allied").asBoolean()) {
					allied.add(a.get("country").asString());
				}
			});
			JsonNode days = s.get("stockpileDaysOfCover");
			assertRow(rows.get(i++),
					String.join(",", "EU", "2026", "0.5", s.get("product").asString(), s.get("item").asString(),
							s.get("stage").asString(), s.get("country").asString(), cell(s, "share"),
							s.get("kind").asString(), String.join(";", all), String.join(";", allied),
							days == null || days.isNull() ? "" : cell(s, "stockpileDaysOfCover")));
		}
		assertThat(row(rows, "EU,2026,0.5,ndfeb-magnet,ndfeb-magnet,MANUFACTURING,")).contains(",CHN,");
	}

	@Test
	void hitsOfTheMeasuresInForceOnTheDayOfTheUsBan() throws Exception {
		String body = "{\"measuresInForceOn\":\"2024-12-03\",\"consumers\":[\"USA\"],\"year\":2026}";
		List<String> rows = rows(csv(scenario(body, "text/csv")));
		assertThat(rows.get(0)).isEqualTo("year,consumer,product,supply_lost_fraction,china_exposure_before_fraction,"
				+ "unknown_share_before_fraction,china_free_share_before_fraction,china_exposure_after_fraction,"
				+ "unknown_share_after_fraction,china_free_share_after_fraction,cut_inputs,cut_items");
		JsonNode json = this.json.readTree(scenario(body, "application/json").body());
		assertThat(json.get("hits").size()).isPositive();
		assertThat(rows).hasSize(json.get("hits").size() + 1);
		int i = 1;
		for (JsonNode hit : json.get("hits")) {
			String[] cells = rows.get(i++).split(",", -1);
			assertThat(cells[1]).isEqualTo(hit.get("consumer").asString());
			assertThat(cells[2]).isEqualTo(hit.get("product").asString());
			assertThat(Double.parseDouble(cells[3])).isCloseTo(hit.get("supplyLost").asDouble(), within(1e-9));
			assertThat(Double.parseDouble(cells[4])).isCloseTo(hit.get("before").get("chinaExposure").asDouble(),
					within(1e-9));
		}
	}

	private HttpResponse<String> scenario(String body, String accept) throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/scenarios"))
			.header("Content-Type", "application/json")
			.header("Accept", accept)
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build();
		return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** A number of the JSON answer as the CSV writes it. */
	private static String cell(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? "" : Double.toString(value.asDouble());
	}

	@Test
	void countriesOfTheShippedDataAsInTheReadme() {
		assertThat(csv(api().get("/api/countries?size=3", "text/csv")))
			.isEqualTo("iso3,name\r\nAFG,Afghanistan\r\nALB,Albania\r\nDZA,Algeria\r\n");
	}

	/** The lines of a CSV answer; every line, the last one too, ends with CRLF. */
	private static List<String> rows(String csv) {
		assertThat(csv).endsWith("\r\n").doesNotContain("\n\n");
		return List.of(csv.split("\r\n"));
	}

	private static String row(List<String> rows, String prefix) {
		return rows.stream()
			.filter(r -> r.startsWith(prefix))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no row starting with " + prefix + " in " + rows));
	}

	/** Same cells; numbers within 1e-9. None of these cells holds a quoted comma. */
	private static void assertRow(String actual, String expected) {
		String[] cells = actual.split(",", -1);
		String[] expectedCells = expected.split(",", -1);
		assertThat(cells).as(actual).hasSameSizeAs(expectedCells);
		for (int i = 0; i < cells.length; i++) {
			if (expectedCells[i].matches("-?\\d+\\.\\d+(E-?\\d+)?")) {
				assertThat(Double.parseDouble(cells[i])).as(actual + " cell " + i)
					.isCloseTo(Double.parseDouble(expectedCells[i]), within(1e-9));
			}
			else {
				assertThat(cells[i]).as(actual + " cell " + i).isEqualTo(expectedCells[i]);
			}
		}
	}

	private Api api() {
		return new Api(this.port, this.json);
	}

	private static String csv(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).contains("text/csv;charset=UTF-8");
		return response.body();
	}

}
