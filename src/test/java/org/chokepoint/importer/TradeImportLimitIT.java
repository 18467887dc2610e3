package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;

import org.chokepoint.ChokepointTest;
import org.chokepoint.Fixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An incremental trade import is one transaction, so as to be all or nothing: one larger
 * than a transaction may hold (the limit set low here, 4 MB, where the fixture's full
 * import fits) is refused with what to do, and changes nothing.
 */
@ChokepointTest(properties = { "chokepoint.import.on-startup=false", "chokepoint.embedded.transaction-max-memory=4MB" })
class TradeImportLimitIT {

	@Autowired
	ImportService imports;

	@Autowired
	TradeImportService trade;

	@Autowired
	Driver driver;

	@LocalServerPort
	int port;

	@TempDir
	Path folder;

	@Test
	void aTradeImportTooLargeForOneTransactionIsRefusedWithWhatToDoAndChangesNothing() throws Exception {
		this.imports.importDirectory(Fixture.basicWithTradeFlows(this.folder.resolve("base")));
		List<Object> before = state();
		Path large = Files.createDirectories(this.folder.resolve("large"));
		Files.writeString(large.resolve("trade_flows.csv"), flows(1901, 2000));
		assertThatThrownBy(() -> this.trade.addTrade(large)).isInstanceOf(ImportTooLargeException.class)
			.hasMessageStartingWith("Adding 8400 trade flows (100 source and year groups, 2 item stages)")
			.hasMessageContaining("nothing was changed")
			.hasMessageContaining("chokepoint.embedded.transaction-max-memory")
			.hasMessageContaining("add them in smaller files");
		assertThat(state()).isEqualTo(before);
		// over HTTP: a 422 problem naming the limit
		HttpResponse<String> posted = HttpClient.newHttpClient()
			.send(HttpRequest
				.newBuilder(URI.create("http://localhost:" + this.port + "/api/admin/import/trade?dir="
						+ large.toString().replace("/", "%2F")))
				.POST(HttpRequest.BodyPublishers.noBody())
				.header("Authorization",
						"Basic " + Base64.getEncoder()
							.encodeToString("admin:test-admin-secret".getBytes(StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(posted.statusCode()).as(posted.body()).isEqualTo(422);
		assertThat(posted.body()).contains("\"title\":\"Import too large for one transaction\"",
				"\"limit\":\"chokepoint.embedded.transaction-max-memory\"", "nothing was changed");
		assertThat(state()).isEqualTo(before);
		// a small year still goes in
		Path small = Files.createDirectories(this.folder.resolve("small"));
		Files.writeString(small.resolve("trade_flows.csv"), flows(2030, 2030));
		this.trade.addTrade(small);
		assertThat(state()).isNotEqualTo(before);
	}

	/**
	 * Every ordered pair of the fixture's countries, gallium and rare earths, per year.
	 */
	private static String flows(int from, int to) {
		List<String> countries = List.of("CHN", "USA", "JPN", "DEU", "FRA", "AUS", "MYS");
		StringBuilder csv = new StringBuilder("year,exporter,importer,item,stage,quantity,unit,source\n");
		for (int year = from; year <= to; year++) {
			for (String exporter : countries) {
				for (String importer : countries) {
					if (!exporter.equals(importer)) {
						csv.append(year)
							.append(',')
							.append(exporter)
							.append(',')
							.append(importer)
							.append(",gallium,REFINING,10,t,src-b\n");
						csv.append(year)
							.append(',')
							.append(exporter)
							.append(',')
							.append(importer)
							.append(",rare-earths,MINING,10,t,src-b\n");
					}
				}
			}
		}
		return csv.toString();
	}

	/** The data version and how many relationships of each type there are. */
	private List<Object> state() {
		return List.of(
				this.driver.executableQuery("MATCH (v:DataVersion {key: 'current'}) RETURN v.version AS v")
					.execute()
					.records()
					.get(0)
					.get("v")
					.asString(),
				this.driver.executableQuery("MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS n ORDER BY type")
					.execute()
					.records()
					.stream()
					.map(r -> r.get("type").asString() + "=" + r.get("n").asLong())
					.toList());
	}

}
