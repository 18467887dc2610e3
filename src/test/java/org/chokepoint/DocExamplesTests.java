package org.chokepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.chokepoint.DocExamples.Curl;
import org.chokepoint.DocExamples.Document;
import org.chokepoint.DocExamples.Example;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the examples test reads the documents (no application): which blocks are examples,
 * how a curl command becomes a request, and how an answer is written back in update mode.
 */
class DocExamplesTests {

	static final JsonMapper JSON = JsonMapper.builder().build();

	@Test
	void aCurlBlockFollowedByAJsonBlockIsAnExampleWithTheAnswersOffsets() {
		String text = """
				# Doc

				```bash
				curl -s 'http://localhost:8080/api/countries?size=1'
				```
				```json
				{"items": []}
				```

				```
				mvn spring-boot:run
				```
				""";
		Document document = DocExamples.parse(Path.of("doc.md"), text);
		assertThat(document.fixture()).isNull();
		assertThat(document.examples()).hasSize(1);
		Example example = document.examples().get(0);
		assertThat(example.line()).isEqualTo(4);
		assertThat(example.command()).isEqualTo("curl -s 'http://localhost:8080/api/countries?size=1'");
		assertThat(example.expected()).isEqualTo("{\"items\": []}");
		assertThat(text.substring(example.start(), example.end())).isEqualTo("{\"items\": []}");
	}

	@Test
	void blankLinesMayStandBetweenTheCommandAndItsAnswerAndAFixtureCommentIsRead() {
		String text = """
				<!-- examples run on the fixture src/test/resources/fixtures/basic -->
				```bash
				curl -s localhost:8080/api/cypher \\
				  -d '{"query": "RETURN 1"}'
				```

				```json
				{"rows":[[1]]}
				```
				""";
		Document document = DocExamples.parse(Path.of("doc.md"), text);
		assertThat(document.fixture()).isEqualTo("src/test/resources/fixtures/basic");
		assertThat(document.examples()).singleElement()
			.satisfies(example -> assertThat(example.expected()).isEqualTo("{\"rows\":[[1]]}"));
	}

	@Test
	void onlyAMarkerOnALineOfItsOwnNamesAFixture() {
		String text = "A document says so in a comment line, `<!-- examples run on the fixture PATH -->`.\n";
		assertThat(DocExamples.parse(Path.of("doc.md"), text).fixture()).isNull();
	}

	@Test
	void aCurlBlockWithoutAJsonAnswerIsStillAnExampleSoThatItsTestFails() {
		Document document = DocExamples.parse(Path.of("doc.md"), """
				```bash
				curl -s 'http://localhost:8080/api/minerals'
				```
				```bash
				curl -s 'http://localhost:8080/api/blocs'
				```
				```json
				[]
				```
				""");
		assertThat(document.examples()).extracting(Example::expected).containsExactly(null, "[]");
		assertThatThrownBy(() -> new DocExamples().run(document.examples().get(0), 1))
			.hasMessageContaining("a json block with the answer right after doc.md:2");
	}

	@Test
	void readsCurlAsTheShellWould() {
		Curl post = Curl.parse("""
				curl -s -H 'Content-Type: application/json' localhost:8080/api/cypher \\
				  -d '{"query": "MATCH (c)\\nRETURN c", "parameters": {"id": "x"}}'""");
		assertThat(post)
			.isEqualTo(new Curl("POST", "/api/cypher", Map.of("Content-Type", "application/json", "Accept", "*/*"),
					"{\"query\": \"MATCH (c)\\nRETURN c\", \"parameters\": {\"id\": \"x\"}}"));
		Curl get = Curl.parse("curl -s -X GET \"http://localhost:8080/api/chains/a?b=1&c=\\\"2\\\"\"");
		assertThat(get).isEqualTo(new Curl("GET", "/api/chains/a?b=1&c=\"2\"", Map.of("Accept", "*/*"), null));
		// curl's own Content-Type for -d without -H
		assertThat(Curl.parse("curl -X POST 'http://localhost:8080/api/x' -d 'a=1'").headers())
			.containsEntry("Content-Type", "application/x-www-form-urlencoded");
	}

	@Test
	void refusesWhatItCannotRunFaithfully() {
		assertThatThrownBy(() -> Curl.parse("curl -u admin:secret 'http://localhost:8080/api/admin/import'"))
			.hasMessage("curl option -u is not supported by the examples test");
		assertThatThrownBy(() -> Curl.parse("curl 'https://example.org/api'"))
			.hasMessage("the examples call http://localhost:8080/..., not https://example.org/api");
		assertThatThrownBy(() -> Curl.parse("curl -d '{\"a\": 1}")).hasMessageStartingWith("unclosed '");
		assertThat(Curl.words("a 'b c'\"d\\\"e\" f\\ g")).isEqualTo(List.of("a", "b cd\"e", "f g"));
	}

	@Test
	void comparesNumbersToOneBillionthKeysInOrderAndOnlyThePresenceOfATimeTaken() {
		DocExamples.assertSame(JSON.readTree("{\"a\": 0.3000000000001, \"millis\": 7}"),
				JSON.readTree("{\"a\": 0.3, \"millis\": 42}"), "$", true);
		assertThatThrownBy(() -> DocExamples.assertSame(JSON.readTree("{\"a\": 0.30000001}"),
				JSON.readTree("{\"a\": 0.3}"), "$", true))
			.hasMessageContaining("$.a");
		assertThatThrownBy(() -> DocExamples.assertSame(JSON.readTree("{\"b\": 1, \"a\": 2}"),
				JSON.readTree("{\"a\": 2, \"b\": 1}"), "$", true))
			.isInstanceOf(AssertionError.class);
		// problem details: their extra properties in any order, but all of them, with the
		// same values
		DocExamples.assertSame(JSON.readTree("{\"b\": 1, \"a\": 2}"), JSON.readTree("{\"a\": 2, \"b\": 1}"), "$",
				false);
		assertThatThrownBy(() -> DocExamples.assertSame(JSON.readTree("{\"b\": 1, \"a\": 3}"),
				JSON.readTree("{\"a\": 2, \"b\": 1}"), "$", false))
			.hasMessageContaining("$.a");
	}

	@Test
	void writesAnswersAsTheDocumentsDoInlineUpToOneHundredCharacters() {
		// the countries example of README.md, byte for byte
		String countries = """
				{
				  "items": [
				    {"iso3": "AGO", "name": "Angola"},
				    {"iso3": "ARG", "name": "Argentina"},
				    {"iso3": "ARM", "name": "Armenia"}
				  ],
				  "page": 0,
				  "size": 3,
				  "total": 105
				}""";
		assertThat(DocJson.pretty(JSON.readTree(countries))).isEqualTo(countries);
		// {"a": "x...x"} is 9 characters and the x's: 9 + 91 = 100 stays on one line, 9 +
		// 92 = 101 does not
		String fits = "{\"a\": \"" + "x".repeat(91) + "\"}";
		assertThat(DocJson.pretty(JSON.readTree(fits))).isEqualTo(fits);
		String longer = "{\"a\": \"" + "x".repeat(92) + "\"}";
		assertThat(DocJson.pretty(JSON.readTree(longer))).isEqualTo("{\n  \"a\": \"" + "x".repeat(92) + "\"\n}");
		assertThat(DocJson.pretty(JSON.readTree("{\"e\": [], \"o\": {}, \"n\": null, \"d\": 1.0, \"s\": \"é\\\"\"}")))
			.isEqualTo("{\"e\": [], \"o\": {}, \"n\": null, \"d\": 1.0, \"s\": \"é\\\"\"}");
	}

}
