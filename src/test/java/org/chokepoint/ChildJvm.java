package org.chokepoint;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The application's own command line ({@link ChokepointApplication#main}) in a child JVM
 * on this test run's classpath: what the tests that kill a command, or hold its ports or
 * its database, start. The JVM gets a heap size, the {@code --add-opens} the embedded
 * Neo4j needs, options for a short run, and any other JVM options (e.g. a system
 * property); the arguments are the application's (the command, then its
 * {@code --setting=value}s). Standard error is merged into standard output.
 *
 * <p>
 * A child lives for one start and a small command, so it compiles with C1 only and
 * collects with the serial collector: no C2 or parallel GC threads competing for the
 * machine's two cores with the test JVM. A {@code report} on the S tier took 25-27 s so
 * against 35-45 s without (load about 4). Nor does it verify the bytecode of the
 * classpath's classes (this build's own and its dependencies', which the test JVM loads
 * and verifies too): a {@code report} on an empty store took 16.1 s (18.5 s of CPU) so,
 * against 19.3 s (21.8 s) with verification, its Neo4j starting in 4.2 s instead of 5.9
 * s.
 */
public final class ChildJvm {

	/** What the embedded Neo4j opens of the JDK (as the jar's manifest does). */
	private static final List<String> ADD_OPENS = List.of("--add-opens=java.base/java.nio=ALL-UNNAMED",
			"--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
			"--add-opens=java.base/java.lang=ALL-UNNAMED");

	/** For a JVM that runs briefly (see the class comment). */
	private static final List<String> SHORT_RUN = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
			"-XX:+UnlockDiagnosticVMOptions", "-XX:-BytecodeVerificationRemote");

	private ChildJvm() {
	}

	/** The {@code java} launcher of the JVM running the tests. */
	public static String java() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/** The command line: java, the heap, the JVM options, the classpath, main, args. */
	public static List<String> command(String heap, List<String> jvmOptions, List<String> arguments) {
		List<String> command = new ArrayList<>(List.of(java(), "-Xmx" + heap));
		command.addAll(SHORT_RUN);
		command.addAll(jvmOptions);
		command.addAll(ADD_OPENS);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), ChokepointApplication.class.getName()));
		command.addAll(arguments);
		return command;
	}

	/** Starts the application; read its output from {@link Process#getInputStream()}. */
	public static Process start(String heap, List<String> jvmOptions, List<String> arguments) throws IOException {
		return new ProcessBuilder(command(heap, jvmOptions, arguments)).redirectErrorStream(true).start();
	}

	/**
	 * Runs the application to its end, or kills it after {@code guard} (and fails): a
	 * hang fails the test rather than blocking the build.
	 */
	public static Run run(Duration guard, String heap, List<String> jvmOptions, List<String> arguments)
			throws IOException, InterruptedException {
		Path output = Files.createTempFile("chokepoint-child-", ".log");
		try {
			Process process = new ProcessBuilder(command(heap, jvmOptions, arguments)).redirectErrorStream(true)
				.redirectOutput(output.toFile())
				.start();
			boolean ended;
			try {
				ended = process.waitFor(guard.toSeconds(), TimeUnit.SECONDS);
			}
			finally {
				process.destroyForcibly();
			}
			String text = Files.readString(output, StandardCharsets.UTF_8);
			assertThat(ended).as("%s ended within %s:%n%s", arguments, guard, text).isTrue();
			return new Run(process.exitValue(), text);
		}
		finally {
			Files.deleteIfExists(output);
		}
	}

	/**
	 * {@link #run} in a thread of its own, so that independent children (each on its own
	 * database) start at the same time: a test waiting for one JVM start after another
	 * leaves a core idle.
	 */
	public static CompletableFuture<Run> runAsync(Duration guard, String heap, List<String> jvmOptions,
			List<String> arguments) {
		CompletableFuture<Run> result = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				result.complete(run(guard, heap, jvmOptions, arguments));
			}
			catch (Throwable ex) {
				result.completeExceptionally(ex);
			}
		}, "child-jvm");
		thread.setDaemon(true);
		thread.start();
		return result;
	}

	/**
	 * Reads the output of a started application until a line matches, and answers all it
	 * read; fails if the application ends first. After {@code guard} without the line,
	 * the application is killed (so the test fails rather than hangs).
	 */
	public static String awaitLine(Process process, Duration guard, Predicate<String> line) throws IOException {
		AtomicBoolean reached = new AtomicBoolean();
		CompletableFuture.delayedExecutor(guard.toMillis(), TimeUnit.MILLISECONDS).execute(() -> {
			if (!reached.get()) {
				process.destroyForcibly();
			}
		});
		StringBuilder output = new StringBuilder();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String next;
		while ((next = out.readLine()) != null) {
			output.append(next).append('\n');
			if (line.test(next)) {
				reached.set(true);
				return output.toString();
			}
		}
		throw new AssertionError(
				"the application ended (or was killed after " + guard + ") before the awaited line:\n" + output);
	}

	/**
	 * What a run of the application printed and its exit code.
	 *
	 * @param exit the exit code
	 * @param output standard output and error
	 */
	public record Run(int exit, String output) {

		/** The one line of the output that starts with the text. */
		public String line(String start) {
			List<String> lines = this.output.lines().filter(l -> l.startsWith(start)).toList();
			assertThat(lines).as(this.output).hasSize(1);
			return lines.get(0);
		}

		/** Asserts exit code 0 and answers the output. */
		public String succeeded() {
			assertThat(this.exit).as(this.output).isZero();
			return this.output;
		}

	}

}
