package org.chokepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The curl examples of the project's Markdown documents (README.md and docs/*.md), found,
 * run against the application and compared with the answers the documents show.
 * <p>
 * An example is a {@code bash} block holding one curl command, followed (blank lines
 * aside) by a {@code json} block with its answer. A document whose examples run on a test
 * fixture rather than on the shipped data says so in a line of its own:
 * {@code <!-- examples run on the fixture PATH -->}.
 * <p>
 * With {@code -Dexamples.update=true} an answer that differs is not a failure: its block
 * is rewritten in place with the live answer (one line if the block was one line, else
 * pretty-printed with a 2-space indent, see {@link DocJson}), so that the documents can
 * be refreshed after the data changes. Blocks that still agree are left alone, so a
 * refresh only touches what changed.
 */
final class DocExamples {

	/** The system property that turns the update mode on. */
	static final String UPDATE_PROPERTY = "examples.update";

	/**
	 * Fields whose value differs from run to run (time taken, Neo4j's element ids): only
	 * their presence is checked.
	 */
	static final Set<String> VARIES = Set.of("millis", "elementId", "startElementId", "endElementId");

	private static final Pattern FENCE = Pattern.compile("(?m)^```(\\w*)\\n(.*?)^```$", Pattern.DOTALL);

	private static final Pattern FIXTURE = Pattern.compile("(?m)^<!-- examples run on the fixture (\\S+) -->$");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<Update> updates = new ArrayList<>();

	/**
	 * One example of a document.
	 *
	 * @param file the document
	 * @param line the 1-based line of its curl command
	 * @param command the curl command as written
	 * @param expected the answer as written, or null when the command has no json block
	 * after it
	 * @param start offset of the answer's first character in the document
	 * @param end offset just after its last character
	 */
	record Example(Path file, int line, String command, String expected, int start, int end) {

		String name() {
			return this.file + ":" + this.line + " " + this.command.replaceAll("\\s*\\\\\\n\\s*", " ");
		}

	}

	/**
	 * A Markdown document and its examples.
	 *
	 * @param file the document
	 * @param fixture the folder its examples run on, or null for the shipped data
	 * @param examples its curl examples in document order
	 */
	record Document(Path file, String fixture, List<Example> examples) {

	}

	private record Update(Path file, int start, int end, String text) {
	}

	/** README.md and every docs/*.md under {@code root}, in name order. */
	static List<Document> documents(Path root) {
		List<Path> files = new ArrayList<>();
		files.add(root.resolve("README.md"));
		try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
			docs.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		List<Document> documents = new ArrayList<>();
		for (Path file : files) {
			try {
				documents.add(parse(root.relativize(file), Files.readString(file)));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		}
		return documents;
	}

	/** The examples of one document's text. */
	static Document parse(Path file, String text) {
		Matcher fixture = FIXTURE.matcher(text);
		List<Example> examples = new ArrayList<>();
		Matcher fence = FENCE.matcher(text);
		int from = 0;
		while (fence.find(from)) {
			from = fence.end();
			String content = fence.group(2).stripTrailing();
			if (!fence.group(1).equals("bash") || !content.startsWith("curl ")) {
				continue;
			}
			int line = lineOf(text, fence.start(2));
			Matcher answer = FENCE.matcher(text);
			if (answer.find(fence.end()) && answer.group(1).equals("json")
					&& text.substring(fence.end(), answer.start()).isBlank()) {
				int start = answer.start(2);
				int end = start + answer.group(2).stripTrailing().length();
				examples.add(new Example(file, line, content, text.substring(start, end), start, end));
				from = answer.end();
			}
			else {
				examples.add(new Example(file, line, content, null, -1, -1));
			}
		}
		return new Document(file, fixture.find() ? fixture.group(1) : null, examples);
	}

	private static int lineOf(String text, int offset) {
		int line = 1;
		for (int i = 0; i < offset; i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	static boolean updating() {
		return Boolean.getBoolean(UPDATE_PROPERTY);
	}

	/**
	 * Runs the example against the application on {@code port} and checks its answer; in
	 * update mode records a new answer instead of failing on a different one.
	 */
	void run(Example example, int port) {
		assertThat(example.expected()).as("a json block with the answer right after " + example.name()).isNotNull();
		Curl curl = Curl.parse(example.command());
		HttpResponse<String> response = send(curl, port);
		assertThat(response.statusCode()).as(example.name() + " answered " + response.body()).isBetween(200, 499);
		JsonNode actual = JSON.readTree(response.body());
		// a problem detail's extra properties come from an unordered map: their order may
		// change from run to run
		boolean ordered = !response.headers()
			.firstValue("Content-Type")
			.orElse("")
			.startsWith("application/problem+json");
		if (updating()) {
			try {
				assertSame(actual, JSON.readTree(example.expected()), "$", ordered);
			}
			catch (AssertionError differs) {
				String text = example.expected().contains("\n") ? DocJson.pretty(actual)
						: JSON.writeValueAsString(actual);
				synchronized (this.updates) {
					this.updates.add(new Update(example.file(), example.start(), example.end(), text));
				}
			}
			return;
		}
		assertSame(actual, JSON.readTree(example.expected()), "$", ordered);
	}

	/**
	 * Writes the recorded answers into their documents; returns how many blocks changed.
	 */
	int writeUpdates(Path root) throws IOException {
		Map<Path, List<Update>> byFile = new TreeMap<>();
		this.updates.forEach(u -> byFile.computeIfAbsent(u.file(), f -> new ArrayList<>()).add(u));
		for (Map.Entry<Path, List<Update>> file : byFile.entrySet()) {
			Path path = root.resolve(file.getKey());
			StringBuilder text = new StringBuilder(Files.readString(path));
			// from the end, so that the offsets of the blocks before stay right
			file.getValue().sort(Comparator.comparingInt(Update::start).reversed());
			for (Update update : file.getValue()) {
				text.replace(update.start(), update.end(), update.text());
			}
			Files.writeString(path, text);
			System.out.println("examples.update: rewrote " + file.getValue().size() + " answer(s) in " + file.getKey());
		}
		int changed = this.updates.size();
		this.updates.clear();
		return changed;
	}

	private static HttpResponse<String> send(Curl curl, int port) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + curl.path()));
		curl.headers().forEach(request::header);
		request.method(curl.method(), curl.body() == null ? HttpRequest.BodyPublishers.noBody()
				: HttpRequest.BodyPublishers.ofString(curl.body()));
		try {
			return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * Equal JSON, numbers to 1e-9 (the analyses sum in an order that can change the last
	 * digits); object keys in the same order when {@code ordered} (the API's field order
	 * is part of what the documents show).
	 */
	static void assertSame(JsonNode actual, JsonNode expected, String path, boolean ordered) {
		if (expected.isNumber() && actual.isNumber()) {
			assertThat(actual.asDouble()).as(path).isCloseTo(expected.asDouble(), within(1e-9));
			return;
		}
		assertThat(actual.getNodeType()).as(path).isEqualTo(expected.getNodeType());
		if (expected.isObject()) {
			if (ordered) {
				assertThat(names(actual)).as(path).isEqualTo(names(expected));
			}
			else {
				assertThat(names(actual)).as(path).containsExactlyInAnyOrderElementsOf(names(expected));
			}
			for (String name : names(expected)) {
				if (!VARIES.contains(name)) {
					assertSame(actual.get(name), expected.get(name), path + "." + name, ordered);
				}
			}
		}
		else if (expected.isArray()) {
			assertThat(actual.size()).as(path + " size").isEqualTo(expected.size());
			for (int i = 0; i < expected.size(); i++) {
				assertSame(actual.get(i), expected.get(i), path + "[" + i + "]", ordered);
			}
		}
		else {
			assertThat(actual).as(path).isEqualTo(expected);
		}
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		node.properties().forEach(e -> names.add(e.getKey()));
		return names;
	}

	/**
	 * A curl command as the documents write it: {@code -s}, {@code -X METHOD},
	 * {@code -H 'Name:
	 * value'}, {@code -d 'body'} and one URL on localhost:8080, with shell quoting and
	 * {@code \} line continuations. Anything else is refused, so that an example that is
	 * not really run can't pass. Without {@code -H}, the headers are curl's own
	 * ({@code Accept: *}{@code /*}, and with a body
	 * {@code Content-Type: application/x-www-form-urlencoded}).
	 *
	 * @param method the HTTP method
	 * @param path the path and query, from the first slash
	 * @param headers the request headers
	 * @param body the request body, or null
	 */
	record Curl(String method, String path, Map<String, String> headers, String body) {

		static Curl parse(String command) {
			List<String> words = words(command);
			if (words.isEmpty() || !words.get(0).equals("curl")) {
				throw new IllegalArgumentException("not a curl command: " + command);
			}
			String method = null;
			String url = null;
			String body = null;
			Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
			for (int i = 1; i < words.size(); i++) {
				String word = words.get(i);
				switch (word) {
					case "-s", "--silent", "-S", "--show-error" -> {
					}
					case "-X", "--request" -> method = argument(words, ++i, word);
					case "-H", "--header" -> {
						String header = argument(words, ++i, word);
						int colon = header.indexOf(':');
						if (colon < 1) {
							throw new IllegalArgumentException("not a header: " + header);
						}
						headers.put(header.substring(0, colon).strip(), header.substring(colon + 1).strip());
					}
					case "-d", "--data", "--data-raw", "--data-binary" -> body = argument(words, ++i, word);
					default -> {
						if (word.startsWith("-")) {
							throw new IllegalArgumentException(
									"curl option " + word + " is not supported by the examples test");
						}
						if (url != null) {
							throw new IllegalArgumentException("two URLs: " + url + " and " + word);
						}
						url = word;
					}
				}
			}
			if (url == null) {
				throw new IllegalArgumentException("no URL in " + command);
			}
			headers.putIfAbsent("Accept", "*/*");
			if (body != null) {
				headers.putIfAbsent("Content-Type", "application/x-www-form-urlencoded");
			}
			return new Curl(method != null ? method : body != null ? "POST" : "GET", path(url), Map.copyOf(headers),
					body);
		}

		private static String argument(List<String> words, int i, String option) {
			if (i >= words.size()) {
				throw new IllegalArgumentException(option + " needs an argument");
			}
			return words.get(i);
		}

		private static String path(String url) {
			for (String base : List.of("http://localhost:8080", "localhost:8080", "http://127.0.0.1:8080",
					"127.0.0.1:8080")) {
				if (url.startsWith(base + "/")) {
					return url.substring(base.length());
				}
			}
			throw new IllegalArgumentException("the examples call http://localhost:8080/..., not " + url);
		}

		/**
		 * The shell words of a command: single and double quotes, backslash escapes and
		 * continuations.
		 */
		static List<String> words(String command) {
			List<String> words = new ArrayList<>();
			StringBuilder word = null;
			for (int i = 0; i < command.length(); i++) {
				char c = command.charAt(i);
				if (c == '\\' && i + 1 < command.length()) {
					char next = command.charAt(++i);
					if (next != '\n') {
						word = word == null ? new StringBuilder() : word;
						word.append(next);
					}
				}
				else if (c == '\'') {
					int close = command.indexOf('\'', i + 1);
					if (close < 0) {
						throw new IllegalArgumentException("unclosed ' in " + command);
					}
					word = word == null ? new StringBuilder() : word;
					word.append(command, i + 1, close);
					i = close;
				}
				else if (c == '"') {
					word = word == null ? new StringBuilder() : word;
					i++;
					while (i < command.length() && command.charAt(i) != '"') {
						char d = command.charAt(i);
						if (d == '\\' && i + 1 < command.length() && "\"\\$`".indexOf(command.charAt(i + 1)) >= 0) {
							d = command.charAt(++i);
						}
						word.append(d);
						i++;
					}
					if (i >= command.length()) {
						throw new IllegalArgumentException("unclosed \" in " + command);
					}
				}
				else if (Character.isWhitespace(c)) {
					if (word != null) {
						words.add(word.toString());
						word = null;
					}
				}
				else {
					word = word == null ? new StringBuilder() : word;
					word.append(c);
				}
			}
			if (word != null) {
				words.add(word.toString());
			}
			return words;
		}

	}

}
