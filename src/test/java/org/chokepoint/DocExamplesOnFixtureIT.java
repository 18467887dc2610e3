package org.chokepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.chokepoint.importer.ImportService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The curl examples of the documents written on a test fixture (a comment line
 * {@code <!-- examples run on the fixture PATH -->}, as docs/adhoc-cypher.md has): the
 * fixture is imported, then each example runs as in {@link DocExamplesIT}, update mode
 * included.
 */
@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class DocExamplesOnFixtureIT {

	static final DocExamples EXAMPLES = new DocExamples();

	@LocalServerPort
	int port;

	@Autowired
	ImportService importService;

	@TestFactory
	List<DynamicTest> everyCurlExampleAnswersWhatTheDocumentShowsOnItsFixture() {
		List<DynamicTest> tests = new ArrayList<>();
		for (DocExamples.Document document : DocExamples.documents(DocExamplesIT.ROOT)) {
			if (document.fixture() == null) {
				continue;
			}
			Path fixture = Path.of(document.fixture());
			// dynamic tests run in list order: the import comes before the document's
			// examples
			tests.add(DynamicTest.dynamicTest(document.file() + ": import " + fixture,
					() -> this.importService.importDirectory(fixture)));
			for (DocExamples.Example example : document.examples()) {
				tests.add(DynamicTest.dynamicTest(example.name(), () -> EXAMPLES.run(example, this.port)));
			}
		}
		assertThat(tests).as("docs/adhoc-cypher.md's examples, on the basic fixture").hasSizeGreaterThanOrEqualTo(4);
		return tests;
	}

	@AfterAll
	static void writeUpdates() throws IOException {
		EXAMPLES.writeUpdates(DocExamplesIT.ROOT);
	}

}
