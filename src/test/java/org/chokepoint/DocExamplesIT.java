package org.chokepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every curl example of the README, run against the shipped data: the README shows what the API
 * really answers. An example is a {@code bash} block with one curl call followed by a {@code json}
 * block; numbers must agree to 1e-9; a time taken ({@code millis}) only has to be there.
 */
@ChokepointTest
class ReadmeExamplesIT {

	private static final Pattern EXAMPLE = Pattern.compile(
			"```bash\\n(curl [^\\n]+)\\n```\\s*\\n```json\\n(.*?)\\n```", Pattern.DOTALL);

	private static final Pattern URL = Pattern.compile("'http://localhost:8080([^']+)'");

	private static final Pattern BODY = Pattern.compile("-d '([^']+)'");

	/** Fields whose value differs from run to run: only their presence is checked. */
	private static final java.util.Set<String> VARIES = java.util.Set.of("millis");

	@LocalServerPort
	int port;

	@Autowired
	JsonMapper json;

	@TestFactory
	List<DynamicTest> everyCurlExampleAnswersWhatTheReadmeShows() throws IOException {
		String readme = Files.readString(Path.of("README.md"));
		List<DynamicTest> tests = new ArrayList<>();
		Matcher example = EXAMPLE.matcher(readme);
		while (example.find()) {
			String command = example.group(1);
			String expected = example.group(2);
			tests.add(DynamicTest.dynamicTest(command, () -> check(command, expected)));
		}
		assertThat(tests).as("curl examples in README.md").hasSizeGreaterThanOrEqualTo(5);
		return tests;
	}

	private void check(String command, String expected) {
		Matcher url = URL.matcher(command);
		assertThat(url.find()).as("URL in " + command).isTrue();
		Api api = new Api(this.port, this.json);
		Matcher body = BODY.matcher(command);
		HttpResponse<String> response = body.find()
				? api.post(url.group(1), body.group(1), "application/json", null) : api.get(url.group(1));
		assertThat(response.statusCode()).as(response.body()).isBetween(200, 499);
		assertSame(this.json.readTree(response.body()), this.json.readTree(expected), "$");
	}

	private static void assertSame(JsonNode actual, JsonNode expected, String path) {
		if (expected.isNumber() && actual.isNumber()) {
			assertThat(actual.asDouble()).as(path).isCloseTo(expected.asDouble(), org.assertj.core.api.Assertions.within(1e-9));
			return;
		}
		assertThat(actual.getNodeType()).as(path).isEqualTo(expected.getNodeType());
		if (expected.isObject()) {
			assertThat(names(actual)).as(path).isEqualTo(names(expected));
			for (String name : names(expected)) {
				if (!VARIES.contains(name)) {
					assertSame(actual.get(name), expected.get(name), path + "." + name);
				}
			}
		}
		else if (expected.isArray()) {
			assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				assertSame(actual.get(i), expected.get(i), path + "[" + i + "]");
			}
		}
		else {
			assertThat(actual).as(path).isEqualTo(expected);
		}
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		Iterator<Map.Entry<String, JsonNode>> fields = node.properties().iterator();
		fields.forEachRemaining(e -> names.add(e.getKey()));
		return names;
	}

}
