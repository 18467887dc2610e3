package org.chokepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every curl example of README.md and docs/*.md that runs on the shipped data, run
 * against it: the documents show what the API really answers (see {@link DocExamples} for
 * what an example is, and {@link DocExamplesOnFixtureIT} for the documents written on a
 * test fixture). Numbers must agree to 1e-9; a time taken ({@code millis}) only has to be
 * there.
 * <p>
 * After the data changes, {@code -Dexamples.update=true} rewrites the answers that differ
 * instead of failing; review the diff of the documents, then run the test again without
 * it.
 */
@ChokepointTest
class DocExamplesIT {

	static final Path ROOT = Path.of("");

	static final DocExamples EXAMPLES = new DocExamples();

	@LocalServerPort
	int port;

	@TestFactory
	List<DynamicTest> everyCurlExampleAnswersWhatTheDocumentShows() {
		List<DynamicTest> tests = new ArrayList<>();
		int readme = 0;
		for (DocExamples.Document document : DocExamples.documents(ROOT)) {
			if (document.fixture() != null) {
				continue;
			}
			for (DocExamples.Example example : document.examples()) {
				tests.add(DynamicTest.dynamicTest(example.name(), () -> EXAMPLES.run(example, this.port)));
				readme += document.file().toString().equals("README.md") ? 1 : 0;
			}
		}
		// the README shows three, docs/api-examples.md all of them: finding none would be
		// a broken test, not a pass
		assertThat(readme).as("curl examples in README.md").isGreaterThanOrEqualTo(3);
		assertThat(tests).as("curl examples in README.md and docs/*.md").hasSizeGreaterThanOrEqualTo(10);
		return tests;
	}

	@AfterAll
	static void writeUpdates() throws IOException {
		EXAMPLES.writeUpdates(ROOT);
	}

}
