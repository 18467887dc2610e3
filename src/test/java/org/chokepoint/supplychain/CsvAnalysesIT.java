package org.chokepoint.supplychain;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.chokepoint.Api;
import org.chokepoint.ChokepointTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The analyses as CSV on the shipped data: the same numbers as the JSON answers in README.md, one
 * row per product, single point of failure or scenario hit, units in the column names.
 */
@ChokepointTest
class CsvAnalysesIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Test
	void exposureOfTheEuPerProduct() {
		String csv = csv(api().get("/api/exposure?consumer=EU&year=2026&asOf=2026-02-15", "text/csv"));
		assertThat(csv).startsWith("consumer,year,product,china_exposure_fraction,unknown_share_fraction,"
				+ "china_free_share_fraction,worst_input,single_points_of_failure\r\n"
				+ "EU,2026,battery-electric-car,0.9760325679401097,0.01904196028594076,0.00492547177394953,graphite,9\r\n"
				+ "EU,2026,li-ion-battery-cell,0.9760325679401097,0.01904196028594076,0.00492547177394953,graphite,6\r\n");
		assertThat(csv).contains(
				"\r\nEU,2026,ev-traction-motor,0.922368996112207,0.07679331208158986,0.000837691806203078,magnet-rare-earths,");
	}

	@Test
	void singlePointsOfFailureOfTheEuWithAlternativesAlliedOnesAndStockpileCover() {
		String csv = csv(api().get("/api/spof?consumer=EU&year=2026&asOf=2026-02-15", "text/csv"));
		assertThat(csv).startsWith("consumer,year,threshold_fraction,product,item,stage,country,share_fraction,kind,"
				+ "alternatives,allied_alternatives,days_of_cover\r\n");
		assertThat(csv).contains("\r\nEU,2026,0.5,ndfeb-magnet,ndfeb-magnet,MANUFACTURING,CHN,0.875,CHOKEPOINT,,,\r\n",
				"\r\nEU,2026,0.5,ndfeb-magnet,magnet-rare-earths,REFINING,CHN,0.8443148699772663,CHOKEPOINT,MYS;USA,USA,\r\n",
				"\r\nEU,2026,0.5,ndfeb-magnet,magnet-rare-earths,MINING,CHN,0.5467865302365592,CHOKEPOINT,MMR;USA;AUS,USA;AUS,\r\n");
	}

	@Test
	void hitsOfTheMeasuresInForceOnTheDayOfTheUsBan() throws Exception {
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + this.port + "/api/scenarios"))
			.header("Content-Type", "application/json")
			.header("Accept", "text/csv")
			.POST(HttpRequest.BodyPublishers
				.ofString("{\"measuresInForceOn\":\"2024-12-03\",\"consumers\":[\"USA\"],\"year\":2026}"))
			.build();
		String csv = csv(HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()));
		assertThat(csv).startsWith("year,consumer,product,supply_lost_fraction,china_exposure_before_fraction,"
				+ "unknown_share_before_fraction,china_free_share_before_fraction,china_exposure_after_fraction,"
				+ "unknown_share_after_fraction,china_free_share_after_fraction,cut_inputs,cut_items\r\n"
				+ "2026,USA,battery-electric-car,0.7273619856822244,0.9760325679401097,0.01904196028594076,"
				+ "0.00492547177394953,0.94,0.06000000000000005,0.0,graphite,graphite\r\n");
		assertThat(csv).contains("\r\n2026,USA,smartphone,0.7273619856822244,0.9760325679401097,0.01904196028594076,"
				+ "0.00492547177394953,0.94,0.06000000000000005,0.0,gallium;graphite,gallium;graphite\r\n");
	}

	@Test
	void countriesOfTheShippedDataAsInTheReadme() {
		assertThat(csv(api().get("/api/countries?size=3", "text/csv")))
			.isEqualTo("iso3,name\r\nAGO,Angola\r\nARG,Argentina\r\nARM,Armenia\r\n");
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
