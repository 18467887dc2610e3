package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.chokepoint.Api;
import org.chokepoint.ChokepointTest;
import org.chokepoint.Fixture;
import org.chokepoint.datareport.DataReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;

/**
 * The service answers reads while an import runs, and they show the old data version and
 * counts until the import commits, then the new ones. Deterministic: the reads are made
 * from the import's own progress callback (after the trade flows' staged batches are
 * committed, and after each batch of the switching transaction), so they happen
 * mid-import by construction, with no sleep.
 */
@ChokepointTest(properties = "chokepoint.import.on-startup=false")
@Import(ImportResponsivenessIT.ReadsDuringImport.class)
class ImportResponsivenessIT {

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@Autowired
	ImportService importService;

	@Autowired
	ReadsDuringImport.Hook hook;

	@TempDir
	Path folder;

	/** A read made mid-import: after which progress message, and what it answered. */
	record Read(String message, int reportStatus, DataReport report, int chainStatus, String chain) {
	}

	@Test
	void readsSeeTheOldDataUntilTheImportCommitsThenTheNew() throws IOException {
		this.importService.importDirectory(Fixture.BASIC);
		Api api = new Api(this.port, this.json);
		DataReport before = api.getOk("/api/data/report", DataReport.class);
		String chainBefore = api.get("/api/chains/ndfeb-magnet?consumer=EU&year=2024").body();
		List<Read> reads = new CopyOnWriteArrayList<>();
		this.hook.onProgress = message -> {
			HttpResponse<String> report = api.get("/api/data/report");
			HttpResponse<String> chain = api.get("/api/chains/ndfeb-magnet?consumer=EU&year=2024");
			reads.add(new Read(message, report.statusCode(),
					report.statusCode() == 200 ? this.json.readValue(report.body(), DataReport.class) : null,
					chain.statusCode(), chain.body()));
		};
		HttpResponse<String> imported;
		try {
			imported = api.post("/api/admin/import?dir=" + withTradeFlows().toAbsolutePath(), "", "application/json",
					"admin:test-admin-secret");
		}
		finally {
			this.hook.onProgress = message -> {
			};
		}
		assertThat(imported.statusCode()).as(imported.body()).isEqualTo(200);
		ImportReport report = this.json.readValue(imported.body(), ImportReport.class);
		DataReport after = api.getOk("/api/data/report", DataReport.class);

		// reads were made after the staged trade flows and sourcing rows were committed,
		// and inside the switching transaction
		assertThat(reads).extracting(Read::message)
			.anySatisfy(
					message -> assertThat(message).startsWith("trade_flows.csv: 402 SOURCES relationships staged in"))
			.anySatisfy(message -> assertThat(message).startsWith("sourcing.csv: 2 sourcing rows staged in"))
			.anySatisfy(message -> assertThat(message).startsWith("countries.csv: 7 rows in"))
			.anySatisfy(message -> assertThat(message).startsWith("stockpiles.csv: 1 rows in"));
		assertThat(reads).allSatisfy(read -> {
			assertThat(read.reportStatus()).as(read.message()).isEqualTo(200);
			assertThat(read.report().dataVersion()).as(read.message()).isEqualTo(before.dataVersion());
			assertThat(read.report().nodes()).as(read.message()).isEqualTo(before.nodes());
			assertThat(read.report().relationships()).as(read.message()).isEqualTo(before.relationships());
			assertThat(read.chainStatus()).as(read.message()).isEqualTo(200);
			assertThat(read.chain()).as(read.message()).isEqualTo(chainBefore);
		});
		// then the new version: 2 x 201 trade flows more SOURCES, nothing else changed
		assertThat(after.dataVersion()).isEqualTo(report.version()).isNotEqualTo(before.dataVersion());
		assertThat(after.nodes()).isEqualTo(before.nodes()).isEqualTo(report.nodes());
		assertThat(after.relationships()).isEqualTo(report.relationships());
		assertThat(after.relationships().get("SOURCES")).isEqualTo(before.relationships().get("SOURCES") + 402);
	}

	/**
	 * The basic fixture plus {@code trade_flows.csv}: the US's refined gallium in the 201
	 * years 1900 to 2100, from China and Australia, for 402 SOURCES relationships.
	 */
	private Path withTradeFlows() throws IOException {
		try (var files = Files.list(Fixture.BASIC)) {
			for (Path file : files.toList()) {
				Files.copy(file, this.folder.resolve(file.getFileName()));
			}
		}
		try (Writer flows = Files.newBufferedWriter(this.folder.resolve("trade_flows.csv"))) {
			flows.write("year,exporter,importer,item,stage,quantity,unit,source\n");
			for (int year = 1900; year <= 2100; year++) {
				flows.write(year + ",CHN,USA,gallium,REFINING,300,t,src-a\n");
				flows.write(year + ",AUS,USA,gallium,REFINING,100,t,src-a\n");
			}
		}
		return this.folder;
	}

	/** A progress listener whose action the test sets. */
	@TestConfiguration(proxyBeanMethods = false)
	static class ReadsDuringImport {

		static final class Hook implements ImportProgressListener {

			volatile Consumer<String> onProgress = message -> {
			};

			@Override
			public void progress(String message) {
				this.onProgress.accept(message);
			}

		}

		@Bean
		Hook readsDuringImportHook() {
			return new Hook();
		}

	}

}
