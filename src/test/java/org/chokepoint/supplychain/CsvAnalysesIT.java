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
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The analyses as CSV on the shipped data: the same numbers as the JSON answers in
 * docs/api-examples.md, one row per product, single point of failure or scenario hit, units in the
 * column names. Numbers are compared to 1e-9, as there: the analyses sum in an order that can change
 * the last digits.
 */
@ChokepointTest
class CsvAnalysesIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void exposureOfTheEuPerProduct() {
		List<String> rows = rows(csv(api().get("/api/exposure?consumer=EU&year=2026&asOf=2026-02-15", "text/csv")));
		assertThat(rows.get(0)).isEqualTo("consumer,year,product,china_exposure_fraction,unknown_share_fraction,"
				+ "china_free_share_fraction,worst_input,single_points_of_failure");
		assertRow(rows.get(1), "EU,2026,battery-electric-car,0.9760325679401097,0.01904196028594076,0.00492547177394953,graphite,9");
		assertRow(row(rows, "EU,2026,ev-traction-motor,"),
				"EU,2026,ev-traction-motor,0.922368996112207,0.07679331208158986,0.000837691806203078,magnet-rare-earths,3");
	}

	@Test
	void singlePointsOfFailureOfTheEuWithAlternativesAlliedOnesAndStockpileCover() {
		List<String> rows = rows(csv(api().get("/api/spof?consumer=EU&year=2026&asOf=2026-02-15", "text/csv")));
		assertThat(rows.get(0)).isEqualTo("consumer,year,threshold_fraction,product,item,stage,country,share_fraction,"
				+ "kind,alternatives,allied_alternatives,days_of_cover");
		assertRow(row(rows, "EU,2026,0.5,ndfeb-magnet,ndfeb-magnet,MANUFACTURING,"),
				"EU,2026,0.5,ndfeb-magnet,ndfeb-magnet,MANUFACTURING,CHN,0.875,CHOKEPOINT,,,");
		assertRow(row(rows, "EU,2026,0.5,ndfeb-magnet,magnet-rare-earths,REFINING,"),
				"EU,2026,0.5,ndfeb-magnet,magnet-rare-earths,REFINING,CHN,0.8443148699772663,CHOKEPOINT,MYS;USA,USA,");
		assertRow(row(rows, "EU,2026,0.5,ndfeb-magnet,magnet-rare-earths,MINING,"),
				"EU,2026,0.5,ndfeb-magnet,magnet-rare-earths,MINING,CHN,0.5467865302365592,CHOKEPOINT,MMR;USA;AUS,USA;AUS,");
	}

	@Test
	void hitsOfTheMeasuresInForceOnTheDayOfTheUsBan() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/scenarios"))
			.header("Content-Type", "application/json")
			.header("Accept", "text/csv")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"measuresInForceOn\":\"2024-12-03\",\"consumers\":[\"USA\"],\"year\":2026}"))
			.build();
		List<String> rows = rows(csv(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString())));
		assertThat(rows.get(0)).isEqualTo("year,consumer,product,supply_lost_fraction,china_exposure_before_fraction,"
				+ "unknown_share_before_fraction,china_free_share_before_fraction,china_exposure_after_fraction,"
				+ "unknown_share_after_fraction,china_free_share_after_fraction,cut_inputs,cut_items");
		assertRow(rows.get(1), "2026,USA,battery-electric-car,0.7273619856822244,0.9760325679401097,0.01904196028594076,"
				+ "0.00492547177394953,0.94,0.06000000000000005,0.0,graphite,graphite");
		assertRow(row(rows, "2026,USA,smartphone,"), "2026,USA,smartphone,0.7273619856822244,0.9760325679401097,"
				+ "0.01904196028594076,0.00492547177394953,0.94,0.06000000000000005,0.0,gallium;graphite,gallium;graphite");
	}

	@Test
	void countriesOfTheShippedDataAsInTheReadme() {
		assertThat(csv(api().get("/api/countries?size=3", "text/csv")))
			.isEqualTo("iso3,name\r\nAGO,Angola\r\nARG,Argentina\r\nARM,Armenia\r\n");
	}

	/** The lines of a CSV answer; every line, the last one too, ends with CRLF. */
	private static List<String> rows(String csv) {
		assertThat(csv).endsWith("\r\n").doesNotContain("\n\n");
		return List.of(csv.split("\r\n"));
	}

	private static String row(List<String> rows, String prefix) {
		return rows.stream().filter(r -> r.startsWith(prefix)).findFirst().orElseThrow(() -> new AssertionError(
				"no row starting with " + prefix + " in " + rows));
	}

	/** Same cells; numbers within 1e-9. None of these cells holds a quoted comma. */
	private static void assertRow(String actual, String expected) {
		String[] cells = actual.split(",", -1);
		String[] expectedCells = expected.split(",", -1);
		assertThat(cells).as(actual).hasSameSizeAs(expectedCells);
		for (int i = 0; i < cells.length; i++) {
			if (expectedCells[i].matches("-?\\d+\\.\\d+")) {
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
