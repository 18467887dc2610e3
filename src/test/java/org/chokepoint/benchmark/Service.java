package org.chokepoint.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chokepoint.ChokepointApplication;

/**
 * The application in a JVM of its own, started on a database imported before, as an
 * analyst's service starts (java with the benchmark's own JVM options and classpath): its
 * compiled code owes nothing to the benchmark's JVM. Ready when its readiness probe says
 * so, which is after its start-up warm-up; stopped (gracefully) on close. Its output goes
 * to a log file.
 */
final class Service implements AutoCloseable {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private static final Pattern WARM_UP = Pattern
		.compile("Request path warmed up over HTTP on data version \\S+: \\d+ other requests \\(the atlas's and the"
				+ " catalogue's\\) in \\d+ ms, then (\\d+) chain questions \\((\\d+) naming the year \\S+\\) and"
				+ " (\\d+) one-cell world matrices, then (\\d+) requests asking the last \\d+ chain questions"
				+ " again, in (\\d+) ms");

	private final Process process;

	private final Path log;

	private final String base;

	private final double readySeconds;

	private Service(Process process, Path log, String base, double readySeconds) {
		this.process = process;
		this.log = log;
		this.base = base;
		this.readySeconds = readySeconds;
	}

	/**
	 * Starts the application on {@code db} (no start-up import, no rate limit, free
	 * ports; then {@code extra} arguments) and waits until it is ready, at most
	 * {@code timeout}.
	 */
	static Service start(Path db, Path log, List<String> extra, Duration timeout)
			throws IOException, InterruptedException {
		return start(db, log, List.of(), null, extra, timeout);
	}

	/**
	 * As {@link #start(Path, Path, List, Duration)}, with {@code jvmOptions} after the
	 * benchmark JVM's own, and the application's classes from {@code classes} instead of
	 * the class path's {@code target/classes} where it is not null (another build of the
	 * application, with the same libraries).
	 */
	static Service start(Path db, Path log, List<String> jvmOptions, Path classes, List<String> extra, Duration timeout)
			throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		// the benchmark JVM's own options: its heap (with its pre-touch, as
		// docs/operations.md advises a server) and Neo4j's add-opens
		command.addAll(ManagementFactory.getRuntimeMXBean()
			.getInputArguments()
			.stream()
			.filter(a -> a.startsWith("-Xm") || a.equals("-XX:+AlwaysPreTouch") || a.startsWith("--add-opens")
					|| a.startsWith("--add-exports"))
			.toList());
		command.addAll(jvmOptions);
		command.addAll(List.of("-cp", classPath(classes), ChokepointApplication.class.getName(),
				"--spring.config.location=classpath:/application.yaml", "--server.port=0",
				"--chokepoint.embedded.port=0", "--chokepoint.embedded.data-dir=" + db.toAbsolutePath(),
				"--chokepoint.embedded.import-dir=" + db.resolve("import").toAbsolutePath(),
				"--chokepoint.import.on-startup=false", "--chokepoint.embedded.shutdown-quiet-period=0s",
				"--chokepoint.rate-limit.enabled=false"));
		command.addAll(extra);
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		long deadline = started + timeout.toNanos();
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		String base = null;
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the service stopped before it was ready; see " + log);
			}
			if (base == null) {
				Optional<Matcher> port = find(log, PORT);
				if (port.isPresent()) {
					base = "http://127.0.0.1:" + port.get().group(1);
				}
			}
			if (base != null && ready(http, base)) {
				return new Service(process, log, base, (System.nanoTime() - started) / 1e9);
			}
			Thread.sleep(200);
		}
		process.destroyForcibly();
		throw new IllegalStateException("the service was not ready within " + timeout + "; see " + log);
	}

	/**
	 * This JVM's class path, with {@code classes} (where not null) in place of the
	 * application's own classes.
	 */
	private static String classPath(Path classes) {
		String classPath = System.getProperty("java.class.path");
		if (classes == null) {
			return classPath;
		}
		if (!Files.isRegularFile(classes.resolve("org/chokepoint/ChokepointApplication.class"))) {
			throw new IllegalArgumentException(classes + " holds no build of the application ("
					+ "org/chokepoint/ChokepointApplication.class is not in it)");
		}
		Path own = Path.of("target", "classes").toAbsolutePath();
		List<String> entries = new ArrayList<>();
		boolean replaced = false;
		for (String entry : classPath.split(java.io.File.pathSeparator)) {
			if (Path.of(entry).toAbsolutePath().equals(own)) {
				entries.add(classes.toAbsolutePath().toString());
				replaced = true;
			}
			else {
				entries.add(entry);
			}
		}
		if (!replaced) {
			throw new IllegalStateException("target/classes is not on this JVM's class path: " + classPath);
		}
		return String.join(java.io.File.pathSeparator, entries);
	}

	private static boolean ready(HttpClient http, String base) throws InterruptedException {
		try {
			HttpResponse<Void> response = http
				.send(HttpRequest.newBuilder(URI.create(base + "/actuator/health/readiness"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.discarding());
			return response.statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static Optional<Matcher> find(Path log, Pattern pattern) throws IOException {
		if (!Files.exists(log)) {
			return Optional.empty();
		}
		Matcher matcher = pattern.matcher(Files.readString(log, StandardCharsets.UTF_8));
		return matcher.find() ? Optional.of(matcher) : Optional.empty();
	}

	/** Its base URL, http://127.0.0.1:port. */
	String base() {
		return this.base;
	}

	/** How long it took from its start to ready (s). */
	double readySeconds() {
		return this.readySeconds;
	}

	/** What its log says of its warm-up over HTTP. */
	String warmUp() throws IOException {
		return find(this.log, WARM_UP).map(m -> String.format(java.util.Locale.ROOT,
				"its HTTP warm-up: %s chain questions (%s naming the data's newest year) and %s one-cell matrices,"
						+ " then %s asking some again, in %.1f s, nothing kept",
				m.group(1), m.group(2), m.group(3), m.group(4), Long.parseLong(m.group(5)) / 1000.0))
			.orElse("no HTTP warm-up");
	}

	/**
	 * How many chain questions its warm-up over HTTP asked, or -1 where it did not run.
	 */
	int warmUpQuestions() throws IOException {
		return find(this.log, WARM_UP).map(m -> Integer.parseInt(m.group(1))).orElse(-1);
	}

	@Override
	public void close() throws InterruptedException {
		this.process.destroy();
		if (!this.process.waitFor(2, TimeUnit.MINUTES)) {
			this.process.destroyForcibly();
			this.process.waitFor(1, TimeUnit.MINUTES);
		}
	}

}
