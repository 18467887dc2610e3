package org.chokepoint.importer;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.chokepoint.Api;
import org.chokepoint.ChokepointTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Hostile import folders over REST: each is refused with a 4xx naming the problem, never
 * a 5xx, never a hang (a wall-clock guard turns one into a failure), and leaves the
 * graph's counts exactly as they were.
 */
@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class HostileImportIT {

	static final Path BASIC = Path.of("src/test/resources/fixtures/basic");

	static final String ADMIN = "admin:test-admin-secret";

	@Autowired
	ImportService importService;

	@Autowired
	GraphCounts counts;

	@Autowired
	JsonMapper json;

	@LocalServerPort
	int port;

	@TempDir
	Path folder;

	Api api;

	@BeforeEach
	void importBasicFixtureAndCopyIt() throws IOException {
		this.importService.importDirectory(BASIC);
		this.api = new Api(this.port, this.json);
		try (Stream<Path> files = Files.list(BASIC)) {
			for (Path file : files.toList()) {
				Files.copy(file, this.folder.resolve(file.getFileName()));
			}
		}
	}

	@Test
	void theUntouchedCopyImports() {
		assertThat(importFolder("").statusCode()).isEqualTo(200);
	}

	@Test
	void refusesAFileAboveTheSizeLimitBeforeReadingIt() throws IOException {
		Files.writeString(this.folder.resolve("production.csv"), "x".repeat(17 * 1024 * 1024));
		assertRefused("production.csv: holds 17825792 bytes, more than the limit of 16777216"
				+ " (chokepoint.import.max-file-size)");
	}

	@Test
	void refusesASymbolicLinkToDevZero() throws IOException {
		replaceBySymbolicLink("countries.csv", Path.of("/dev/zero"));
		assertRefused("countries.csv: is a symbolic link; only regular files are imported");
	}

	@Test
	void refusesASymbolicLinkToASystemFileWithoutShowingItsContents() throws IOException {
		replaceBySymbolicLink("countries.csv", Path.of("/etc/passwd"));
		String body = assertRefused("countries.csv: is a symbolic link; only regular files are imported");
		assertThat(body).doesNotContain("root:");
	}

	@Test
	void refusesADanglingSymbolicLinkRatherThanTakingTheFileAsAbsent() throws IOException {
		replaceBySymbolicLink("stockpiles.csv", this.folder.resolve("nowhere.csv"));
		assertRefused("stockpiles.csv: is a symbolic link; only regular files are imported");
	}

	@Test
	void refusesAFifoInsteadOfBlockingOnIt() throws Exception {
		Path fifo = this.folder.resolve("countries.csv");
		Files.delete(fifo);
		Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
		assumeThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo works").isTrue();
		assertRefused("countries.csv: is not a regular file (a FIFO, socket or device)");
	}

	@Test
	void listsAtMostAHundredErrorsOfAFileWithTwoHundredThousandBadRowsAndCountsTheRest() throws IOException {
		StringBuilder production = new StringBuilder(
				"country,item,stage,year,quantity,unit,share,published_as,source,note\n");
		for (int i = 0; i < 200_000; i++) {
			production.append("CHN,gallium,REFINING,2024,98O,t,,,src-a,\n");
		}
		Files.writeString(this.folder.resolve("production.csv"), production);
		Map<String, Long> nodes = this.counts.nodes();
		Map<String, Long> relationships = this.counts.relationships();
		HttpResponse<String> response = assertTimeoutPreemptively(Duration.ofSeconds(120), () -> importFolder(""));
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body().length()).as("answer size").isLessThan(100_000);
		List<String> errors = errors(response);
		assertThat(errors).hasSize(101);
		assertThat(errors.get(0)).startsWith("production.csv:2:5 (quantity): not a plain decimal number");
		assertThat(errors.get(100)).isEqualTo(
				"production.csv: and 199900 more error(s) not listed (at most 100 per file and 1000 in all are)");
		assertThat(this.counts.nodes()).isEqualTo(nodes);
		assertThat(this.counts.relationships()).isEqualTo(relationships);
	}

	@Test
	void refusesAHeaderOnlyFolderEvenWhenShrinkingIsAllowed() throws IOException {
		try (Stream<Path> files = Files.list(this.folder)) {
			for (Path file : files.toList()) {
				String text = Files.readString(file);
				Files.writeString(file, text.substring(0, text.indexOf('\n') + 1));
			}
		}
		assertRefused("every file is empty or holds only its header row");
		assertRefused("&allowShrink=true", "every file is empty or holds only its header row");
	}

	@Test
	void refusesToLoseMostOfTheGraphUnlessAllowed() throws IOException {
		// keep the entities, drop every fact: under half of the facts remain
		for (String file : List.of("production.csv", "world_totals.csv", "reserves.csv", "sourcing.csv",
				"import_reliance.csv", "memberships.csv", "bom.csv", "agreement_parties.csv", "agreement_items.csv",
				"measure_items.csv", "measure_targets.csv", "stockpiles.csv")) {
			Files.deleteIfExists(this.folder.resolve(file));
		}
		assertRefused("the import would shrink the knowledge graph to under half");
		HttpResponse<String> allowed = importFolder("&allowShrink=true");
		assertThat(allowed.statusCode()).as(allowed.body()).isEqualTo(200);
		assertThat(this.counts.relationships()).doesNotContainKey("MINES");
	}

	@Test
	void refusesNumbersAndYearsOutsideTheirPlainGrammars() throws IOException {
		String row = "CHN,gallium,REFINING,2024,980,";
		for (String bad : List.of("CHN,gallium,REFINING,2024,0x1p-1,", "CHN,gallium,REFINING,2024,0.5d,",
				"CHN,gallium,REFINING,2024,-0,", "CHN,gallium,REFINING,2024,1e-400,",
				"CHN,gallium,REFINING,\uFF12\uFF10\uFF12\uFF14,980,", "CHN,gallium,REFINING,+2024,980,")) {
			Files.writeString(this.folder.resolve("production.csv"),
					Files.readString(BASIC.resolve("production.csv")).replaceFirst(row, bad));
			assertRefused("production.csv:2:");
		}
	}

	@Test
	void refusesANulByteAStrayQuoteAndMalformedUtf8NamingLineAndColumn() throws IOException {
		replaceIn("countries.csv", "USA,United States", "USA,United\u0000States");
		assertRefused("countries.csv:3:11: control character U+0000 in text");
		replaceIn("countries.csv", "USA,United\u0000States", "USA,United \"States");
		assertRefused("countries.csv:3:12: a quote inside an unquoted field");
		byte[] text = Files.readAllBytes(BASIC.resolve("countries.csv"));
		byte[] bad = new String(text, StandardCharsets.UTF_8).replace("United States", "United_States")
			.getBytes(StandardCharsets.UTF_8);
		int at = new String(bad, StandardCharsets.UTF_8).indexOf('_');
		bad[at] = (byte) 0xC0;
		Files.write(this.folder.resolve("countries.csv"), bad);
		assertRefused("countries.csv:3:11: not UTF-8: byte 0xC0");
	}

	private void replaceIn(String file, String from, String to) throws IOException {
		Path path = this.folder.resolve(file);
		String text = Files.readString(path);
		Files.writeString(path, text.replace(from, to));
	}

	private void replaceBySymbolicLink(String file, Path target) throws IOException {
		Files.delete(this.folder.resolve(file));
		Files.createSymbolicLink(this.folder.resolve(file), target);
	}

	private String assertRefused(String message) {
		return assertRefused("", message);
	}

	/** Imports the folder: refused with 400 and the message, counts unchanged. */
	private String assertRefused(String query, String message) {
		Map<String, Long> nodes = this.counts.nodes();
		Map<String, Long> relationships = this.counts.relationships();
		HttpResponse<String> response = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> importFolder(query));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(errors(response)).anySatisfy(error -> assertThat(error).contains(message));
		assertThat(this.counts.nodes()).isEqualTo(nodes);
		assertThat(this.counts.relationships()).isEqualTo(relationships);
		return response.body();
	}

	private HttpResponse<String> importFolder(String query) {
		return this.api.post(
				"/api/admin/import?dir="
						+ URLEncoder.encode(this.folder.toAbsolutePath().toString(), StandardCharsets.UTF_8) + query,
				"", "application/json", ADMIN);
	}

	private List<String> errors(HttpResponse<String> response) {
		JsonNode problem = this.json.readTree(response.body());
		return problem.path("errors").valueStream().map(JsonNode::asString).toList();
	}

}
