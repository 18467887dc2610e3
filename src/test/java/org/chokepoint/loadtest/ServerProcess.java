package org.chokepoint.loadtest;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The server under load: a child JVM started from the packaged jar on loopback with a
 * fresh data directory, or a running one given by URL (and optionally its process id, for
 * the memory figures). Memory is read from outside: the resident set from
 * {@code /proc/<pid>/status}, the heap after a full collection with
 * {@code jcmd <pid> GC.run} and {@code GC.heap_info}.
 */
final class ServerProcess implements AutoCloseable {

	private static final Pattern HEAP_USED = Pattern.compile("used (\\d+)K");

	private final URI url;

	private final Long pid;

	private final Process process;

	private final Path dataDir;

	private ServerProcess(URI url, Long pid, Process process, Path dataDir) {
		this.url = url;
		this.pid = pid;
		this.process = process;
		this.dataDir = dataDir;
	}

	/**
	 * A server already running at {@code url}; {@code pid} may be null (no memory figures
	 * then).
	 */
	static ServerProcess running(URI url, Long pid) {
		return new ServerProcess(url, pid, null, null);
	}

	/**
	 * Starts {@code java -jar jar} on a free loopback port with a fresh database, and
	 * waits until it is UP.
	 */
	static ServerProcess start(Path jar, List<String> jvmOptions, Duration timeout)
			throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path dataDir = Files.createTempDirectory("chokepoint-loadtest-");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port, "--server.address=127.0.0.1",
				"--chokepoint.embedded.port=0", "--chokepoint.embedded.data-dir=" + dataDir.resolve("neo4j")));
		Path log = dataDir.resolve("server.log");
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		ServerProcess server = new ServerProcess(URI.create("http://127.0.0.1:" + port), process.pid(), process,
				dataDir);
		System.out.println("Started " + String.join(" ", command) + " (pid " + process.pid() + ", log " + log + ")");
		server.awaitUp(timeout);
		return server;
	}

	URI url() {
		return this.url;
	}

	/** Waits until {@code /actuator/health} answers UP. */
	void awaitUp(Duration timeout) throws InterruptedException {
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < deadline) {
			if (this.process != null && !this.process.isAlive()) {
				throw new IllegalStateException(
						"The server exited with " + this.process.exitValue() + "; see its log in " + this.dataDir);
			}
			try {
				HttpResponse<String> health = http.send(HttpRequest.newBuilder(this.url.resolve("/actuator/health"))
					.timeout(Duration.ofSeconds(5))
					.build(), HttpResponse.BodyHandlers.ofString());
				if (health.statusCode() == 200 && health.body().contains("\"UP\"")) {
					return;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			Thread.sleep(500); // polling a process that is starting: the one wait that is
								// fine here
		}
		throw new IllegalStateException("The server at " + this.url + " was not UP within " + timeout);
	}

	/**
	 * The server's heap in use after a full collection, in bytes, when it can be
	 * measured.
	 */
	OptionalLong heapAfterGc() {
		if (this.pid == null) {
			return OptionalLong.empty();
		}
		try {
			jcmd("GC.run");
			Matcher used = HEAP_USED.matcher(jcmd("GC.heap_info"));
			return used.find() ? OptionalLong.of(Long.parseLong(used.group(1)) * 1024) : OptionalLong.empty();
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return OptionalLong.empty();
		}
	}

	/** The server's resident set size, in bytes, from {@code /proc}. */
	OptionalLong residentBytes() {
		if (this.pid == null) {
			return OptionalLong.empty();
		}
		try {
			for (String line : Files.readAllLines(Path.of("/proc", this.pid.toString(), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return OptionalLong.of(Long.parseLong(line.replaceAll("\\D", "")) * 1024);
				}
			}
		}
		catch (IOException ex) {
			// not Linux, or the process is gone
		}
		return OptionalLong.empty();
	}

	private String jcmd(String command) throws IOException, InterruptedException {
		Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
		Process process = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", this.pid.toString(),
				command)
			.redirectErrorStream(true)
			.start();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
			throw new IOException("jcmd " + command + " failed: " + output);
		}
		return output;
	}

	/**
	 * Stops a server this class started (SIGTERM, the graceful shutdown) and deletes its
	 * data.
	 */
	@Override
	public void close() throws IOException, InterruptedException {
		if (this.process == null) {
			return;
		}
		this.process.destroy();
		if (!this.process.waitFor(120, TimeUnit.SECONDS)) {
			this.process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
		}
		try (Stream<Path> files = Files.walk(this.dataDir)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

}
