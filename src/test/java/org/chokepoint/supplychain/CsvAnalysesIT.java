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
				+ "kind,alternatives,allied_alternatives,other_alternatives,other_alternatives_share_fraction,"
				+ "days_of_cover");
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
			assertRow(rows.get(i++), String.join(",", "EU", "2026", "0.5", s.get("product").asString(),
					s.get("item").asString(), s.get("stage").asString(), s.get("country").asString(), cell(s, "share"),
					s.get("kind").asString(), String.join(";", all), String.join(";", allied),
					s.get("otherAlternatives").get("count").asString(), cell(s.get("otherAlternatives"), "share"),
					days == null || days.isNull() ? "" : cell(s, "stockpileDaysOfCover")));
		}
		assertThat(row(rows, "EU,2026,0.5,ndfeb-magnet,ndfeb-magnet,MANUFACTURING,")).contains(",CHN,");
		// the default is the summary: some points leave alternatives out, and say how
		// many
		int otherColumn = List.of(rows.get(0).split(",")).indexOf("other_alternatives");
		assertThat(rows.subList(1, rows.size()))
			.anySatisfy(r -> assertThat(r.split(",")[otherColumn]).isNotEqualTo("0"));
		// detail=full lists every one: as many points, none left out
		JsonNode full = api().getOk(query + "&detail=full", JsonNode.class);
		assertThat(full.get("items").size()).isEqualTo(json.get("items").size());
		full.get("items").forEach(s -> assertThat(s.get("otherAlternatives").get("count").asInt()).isZero());
		assertThat(rows(csv(api().get(query + "&detail=full", "text/csv"))).subList(1, rows.size()))
			.allSatisfy(r -> assertThat(r.split(",")[otherColumn]).isEqualTo("0"));
	}

	@Test
	void hitsOfTheMeasuresInForceOnTheDayOfTheUsBan() throws Exception {
		String body = "{\"measuresInForceOn\":\"2024-12-03\",\"consumers\":[\"USA\"],\"year\":2026}";
		HttpResponse<String> response = scenario(body, "text/csv");
		assertAttachment(response, "scenario-2026-2024-12-03-USA.csv");
		List<String> rows = rows(csv(response));
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

	@Test
	void chainOfTheEuMagnetsOneRowPerItemStageAndSupplierByTheFormatParameter() {
		String query = "/api/chains/ndfeb-magnet?consumer=EU&year=2026&asOf=2026-02-15";
		HttpResponse<String> response = api().get(query + "&format=csv", "application/json");
		assertAttachment(response, "chain-ndfeb-magnet-EU-2026.csv");
		List<String> rows = rows(csv(response));
		assertThat(rows.get(0)).isEqualTo("product,consumer,year,as_of,sourcing,item,kind,leaf,"
				+ "china_exposure_item_fraction,unknown_share_item_fraction,china_free_share_item_fraction,stage,basis,"
				+ "hhi_points,weight_in_fraction,stage_unknown_share_fraction,supplier,share_fraction,allied,"
				+ "origin_china_fraction,source");
		// the same answer by the Accept header
		assertThat(csv(api().get(query, "text/csv"))).isEqualTo(String.join("\r\n", rows) + "\r\n");
		JsonNode json = api().getOk(query, JsonNode.class);
		int expected = 0;
		for (JsonNode item : json.get("inputs")) {
			int itemRows = 0;
			for (JsonNode stage : item.get("stages")) {
				int others = stage.get("otherSuppliers").get("count").asInt();
				itemRows += Math.max(1, stage.get("suppliers").size() + (others > 0 ? 1 : 0));
				if (others > 0) {
					// the suppliers the summary does not list: one row, their shares
					// summed
					String row = rows.stream()
						.filter(r -> r.contains("," + item.get("item").asString() + ",")
								&& r.contains("," + stage.get("stage").asString() + ",")
								&& r.split(",", -1)[16].equals(ChainAnalysis.OTHERS))
						.findFirst()
						.orElseThrow(() -> new AssertionError("no OTHERS row for " + item.get("item") + stage));
					assertThat(Double.parseDouble(row.split(",", -1)[17]))
						.isCloseTo(stage.get("otherSuppliers").get("share").asDouble(), within(1e-15));
					assertThat(row).endsWith("," + ChainAnalysis.OTHERS + "," + row.split(",", -1)[17] + ",,,");
				}
				for (JsonNode supplier : stage.get("suppliers")) {
					String prefix = String.join(",", "ndfeb-magnet", "EU", "2026", "2026-02-15", "traced",
							item.get("item").asString(), item.get("kind").asString(), item.get("leaf").asString())
							+ ",";
					String row = rows.stream()
						.filter(r -> r.startsWith(prefix) && r.contains("," + stage.get("stage").asString() + ",")
								&& r.split(",", -1)[16].equals(supplier.get("country").asString()))
						.findFirst()
						.orElseThrow(() -> new AssertionError("no row for " + prefix + stage.get("stage") + supplier));
					String[] cells = row.split(",", -1);
					assertThat(Double.parseDouble(cells[17])).isCloseTo(supplier.get("share").asDouble(), within(1e-9));
					assertThat(Double.parseDouble(cells[14])).isCloseTo(stage.get("weightIn").asDouble(), within(1e-9));
					assertThat(cells[18]).isEqualTo(supplier.get("allied").asString());
				}
			}
			expected += Math.max(1, itemRows);
		}
		assertThat(rows).hasSize(expected + 1);
		// the magnet's own manufacturing: China's share as in docs/metrics.md
		String china = row(rows, "ndfeb-magnet,EU,2026,2026-02-15,traced,ndfeb-magnet,");
		assertThat(china).contains(",MANUFACTURING,");
	}

	@Test
	void concentrationOfGalliumOneRowPerStageAndProducer() {
		String query = "/api/minerals/gallium/concentration?year=2026";
		HttpResponse<String> response = api().get(query + "&format=CSV", "*/*");
		assertAttachment(response, "concentration-gallium-2026.csv");
		List<String> rows = rows(csv(response));
		assertThat(rows.get(0)).isEqualTo("mineral,year,stage,facts_year,source,hhi_points,highly_concentrated,"
				+ "top3_share_fraction,china_share_fraction,unknown_share_fraction,country,share_fraction");
		JsonNode json = api().getOk(query, JsonNode.class);
		int expected = 0;
		for (JsonNode stage : json.get("stages")) {
			expected += Math.max(1, stage.get("producers").size());
			JsonNode first = stage.get("producers").get(0);
			String[] cells = row(rows, "gallium,2026," + stage.get("stage").asString() + ",").split(",", -1);
			assertThat(Double.parseDouble(cells[5])).isCloseTo(stage.get("hhi").asDouble(), within(1e-9));
			assertThat(Double.parseDouble(cells[8])).isCloseTo(stage.get("chinaShare").asDouble(), within(1e-9));
			assertThat(cells[10]).isEqualTo(first.get("country").asString());
			assertThat(Double.parseDouble(cells[11])).isCloseTo(first.get("share").asDouble(), within(1e-9));
		}
		assertThat(rows).hasSize(expected + 1);
	}

	@Test
	void trendOfTheEuMagnetsOneRowPerYear() {
		String query = "/api/exposure/trend?consumer=EU&product=ndfeb-magnet&from=2020&to=2026";
		HttpResponse<String> response = api().get(query, "text/csv");
		assertAttachment(response, "trend-ndfeb-magnet-EU-2020-2026.csv");
		List<String> rows = rows(csv(response));
		assertThat(rows.get(0)).isEqualTo("consumer,product,sourcing,year,china_exposure_fraction,"
				+ "unknown_share_fraction,china_free_share_fraction,worst_input,newest_facts_year");
		JsonNode json = api().getOk(query, JsonNode.class);
		assertThat(rows).hasSize(json.get("years").size() + 1).hasSize(8);
		int i = 1;
		for (JsonNode year : json.get("years")) {
			String[] cells = rows.get(i++).split(",", -1);
			assertThat(cells[3]).isEqualTo(year.get("year").asString());
			assertThat(cells[4])
				.isEqualTo(cell(year, "chinaExposure").isEmpty() ? "" : String.valueOf(Double.parseDouble(cells[4])));
			if (!cell(year, "chinaExposure").isEmpty()) {
				assertThat(Double.parseDouble(cells[4])).isCloseTo(year.get("chinaExposure").asDouble(), within(1e-9));
			}
			assertThat(cells[7]).isEqualTo(year.get("worstInput").isNull() ? "" : year.get("worstInput").asString());
		}
	}

	@Test
	void theDataReportBySectionAndItsIndex() {
		HttpResponse<String> response = api().get("/api/data/report?section=coverage&format=csv", "*/*");
		assertAttachment(response, "data-report-coverage.csv");
		List<String> rows = rows(csv(response));
		JsonNode json = api().getOk("/api/data/report", JsonNode.class);
		assertThat(rows).hasSize(json.get("coverage").size() + 1);
		assertThat(rows.get(0)).startsWith("mineral,");
		assertThat(row(rows, "germanium,")).contains(",MINING");
		JsonNode section = api().getOk("/api/data/report?section=hs-codes", JsonNode.class);
		assertThat(section.get("items")).isEqualTo(json.get("hsCodes"));
		List<String> index = rows(csv(api().get("/api/data/report?format=csv", "*/*")));
		assertThat(index.get(0)).isEqualTo("section,rows,csv");
		assertThat(row(index, "coverage,"))
			.isEqualTo("coverage," + json.get("coverage").size() + ",/api/data/report?section=coverage&format=csv");
		HttpResponse<String> unknown = api().get("/api/data/report?section=gaps", "application/json");
		assertThat(unknown.statusCode()).isEqualTo(400);
		assertThat(unknown.body()).contains("\"parameter\":\"section\"").contains("coverage");
	}

	@Test
	void aFormatOtherThanCsvOrJsonIsA400NamingTheParameter() {
		HttpResponse<String> response = api().get("/api/exposure?consumer=EU&format=xlsx", "text/csv");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
		assertThat(response.body()).contains("\"parameter\":\"format\"").contains("csv or json").contains("xlsx");
		// json wins over the header
		HttpResponse<String> json = api().get("/api/exposure?consumer=EU&format=json", "text/csv, application/json");
		assertThat(json.statusCode()).isEqualTo(200);
		assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
		// an answer that is no table has no CSV
		assertThat(api().get("/api/countries/CHN?format=csv", "*/*").statusCode()).isEqualTo(406);
	}

	private static void assertAttachment(HttpResponse<String> response, String fileName) {
		assertThat(response.headers().firstValue("Content-Disposition"))
			.contains("attachment; filename=\"" + fileName + "\"");
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
