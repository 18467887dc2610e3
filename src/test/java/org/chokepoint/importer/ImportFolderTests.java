package org.chokepoint.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class ImportFolderTests {

	private static final ImportLimits SMALL = new ImportLimits(100, 200, 250, 100, 1000);

	@TempDir
	Path dir;

	@Test
	void readsRegularFilesWithinTheLimits() throws IOException {
		Files.writeString(this.dir.resolve("countries.csv"), "iso3,name\nCHN,China\n");
		ImportFolder folder = ImportFolder.directory(this.dir, SMALL);
		assertThat(folder.files()).containsOnlyKeys(ImportFile.COUNTRIES);
		try (InputStream in = folder.files().get(ImportFile.COUNTRIES).open()) {
			assertThat(in.readAllBytes()).hasSize(20);
		}
	}

	@Test
	void refusesASymbolicLinkEvenToARegularFileNamingTheFile() throws IOException {
		Path target = Files.writeString(this.dir.resolve("elsewhere.txt"), "iso3,name\nCHN,China\n");
		Files.createSymbolicLink(this.dir.resolve("countries.csv"), target);
		assertRefused("countries.csv: is a symbolic link; only regular files are imported");
	}

	@Test
	void refusesASymbolicLinkToDevZeroWithoutReadingIt() throws IOException {
		Files.createSymbolicLink(this.dir.resolve("countries.csv"), Path.of("/dev/zero"));
		assertTimeoutPreemptively(Duration.ofSeconds(10),
				() -> assertRefused("countries.csv: is a symbolic link; only regular files are imported"));
	}

	@Test
	void refusesADanglingSymbolicLinkRatherThanTakingTheFileAsAbsent() throws IOException {
		Files.writeString(this.dir.resolve("blocs.csv"), "code,name\nEU,European Union\n");
		Files.createSymbolicLink(this.dir.resolve("countries.csv"), this.dir.resolve("gone.csv"));
		assertRefused("countries.csv: is a symbolic link; only regular files are imported");
	}

	@Test
	void refusesAFifoWithoutOpeningIt() throws Exception {
		Path fifo = this.dir.resolve("countries.csv");
		Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
		assumeThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo works").isTrue();
		// opening a FIFO with no writer blocks forever: the guard turns that into a
		// failure
		assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertRefused(
				"countries.csv: is not a regular file (a FIFO, socket or device); only regular files are imported"));
	}

	@Test
	void refusesADirectoryUnderAFileName() throws IOException {
		Files.createDirectory(this.dir.resolve("countries.csv"));
		assertRefused("countries.csv: is a directory; only regular files are imported");
	}

	@Test
	void refusesAFileAboveItsLimitBeforeReadingIt() throws IOException {
		Files.writeString(this.dir.resolve("countries.csv"), "x".repeat(101));
		Files.writeString(this.dir.resolve("trade_flows.csv"), "x".repeat(200));
		assertRefused("countries.csv: holds 101 bytes, more than the limit of 100 (chokepoint.import.max-file-size)");
		Files.writeString(this.dir.resolve("countries.csv"), "x".repeat(100));
		Files.writeString(this.dir.resolve("trade_flows.csv"), "x".repeat(201));
		assertRefused(
				"trade_flows.csv: holds 201 bytes, more than the limit of 200 (chokepoint.import.max-trade-flows-size)");
	}

	@Test
	void refusesAFolderAboveTheTotalLimit() throws IOException {
		Files.writeString(this.dir.resolve("countries.csv"), "x".repeat(100));
		Files.writeString(this.dir.resolve("trade_flows.csv"), "x".repeat(151));
		assertRefused(
				this.dir + ": its files hold 251 bytes, more than the limit of 250 (chokepoint.import.max-total-size)");
	}

	@Test
	void stopsReadingAFileThatGrowsPastItsLimitAfterTheCheck() throws IOException {
		Path file = Files.writeString(this.dir.resolve("countries.csv"), "x".repeat(100));
		ImportFolder folder = ImportFolder.directory(this.dir, SMALL);
		Files.writeString(file, "x".repeat(1000));
		try (InputStream in = folder.files().get(ImportFile.COUNTRIES).open()) {
			assertThatExceptionOfType(IOException.class).isThrownBy(in::readAllBytes)
				.withMessage("countries.csv grew beyond its limit of 100 bytes while read");
		}
	}

	@Test
	void listsAtMostTheCapOfErrorsPerFileAndCountsTheRest() {
		ImportErrors errors = new ImportErrors(2, 3);
		for (int i = 1; i <= 5; i++) {
			errors.add(new ImportError("a.csv", i, 0, null, "bad"));
		}
		errors.add(new ImportError("b.csv", 1, 0, null, "bad"));
		errors.add(new ImportError("b.csv", 2, 0, null, "bad"));
		assertThat(errors).hasSize(3);
		assertThat(errors.withSummary()).map(ImportError::toString)
			.containsExactly("a.csv:1: bad", "a.csv:2: bad", "b.csv:1: bad",
					"a.csv: and 3 more error(s) not listed (at most 2 per file and 3 in all are)",
					"b.csv: and 1 more error(s) not listed (at most 2 per file and 3 in all are)");
	}

	private void assertRefused(String message) {
		assertThatExceptionOfType(ImportFailedException.class).isThrownBy(() -> ImportFolder.directory(this.dir, SMALL))
			.satisfies(ex -> assertThat(ex.errors()).map(ImportError::toString)
				.singleElement()
				.satisfies(error -> assertThat(error).startsWith(message)));
	}

}
