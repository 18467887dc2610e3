package org.chokepoint.loadtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The load test (issue 7): {@code --clients} concurrent clients (default 32) send a mix
 * of chain analyses, scenarios and ad-hoc Cypher ({@link Workload}) for {@code --warmup}
 * seconds (default 20), then for {@code --seconds} measured seconds (default 60), and the
 * command reports requests per second overall and per kind, p50/p99/max latency per kind,
 * every error, and the server's heap after a full GC and resident memory before and after
 * the measured window, with the load average. Output on stdout and in
 * {@code target/loadtest/results.md}. Exit code 1 when any request failed.
 *
 * <pre>mvn -B -Pbenchmark package exec:exec -DskipTests -Dbenchmark.main=org.chokepoint.loadtest.LoadTest \
 *   -Dbenchmark.args="[--url http://127.0.0.1:8080 [--pid N]]"</pre>
 *
 * Without {@code --url} it starts {@code --jar} (default {@code target/chokepoint.jar})
 * on a free loopback port with a fresh database (the shipped data is imported at its
 * start) and stops it at the end; {@code --server-jvm "-Xmx1g ..."} passes JVM options to
 * it.
 */
public final class LoadTest {

	private final Map<Workload.Kind, List<Long>> latencies = new EnumMap<>(Workload.Kind.class);

	private final Map<String, AtomicLong> errorCounts = new ConcurrentHashMap<>();

	private final ConcurrentLinkedQueue<String> errorSamples = new ConcurrentLinkedQueue<>();

	private LoadTest() {
		for (Workload.Kind kind : Workload.Kind.values()) {
			this.latencies.put(kind, new ArrayList<>());
		}
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = options(args);
		int clients = Integer.parseInt(options.getOrDefault("clients", "32"));
		Duration warmup = Duration.ofSeconds(Long.parseLong(options.getOrDefault("warmup", "20")));
		Duration window = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "60")));
		String loadBefore = loadAverage();
		ServerProcess server = options.containsKey("url")
				? ServerProcess.running(URI.create(options.get("url")),
						options.containsKey("pid") ? Long.valueOf(options.get("pid")) : null)
				: ServerProcess.start(Path.of(options.getOrDefault("jar", "target/chokepoint.jar")),
						options.containsKey("server-jvm")
								? Arrays.asList(options.get("server-jvm").trim().split("\\s+")) : List.of(),
						Duration.ofMinutes(10));
		int failed;
		try (server) {
			failed = new LoadTest().run(server, clients, warmup, window, loadBefore);
		}
		System.exit(failed == 0 ? 0 : 1);
	}

	private int run(ServerProcess server, int clients, Duration warmup, Duration window, String loadBefore)
			throws Exception {
		HttpClient http = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10))
			.build();
		Workload workload = Workload.load(server.url(), http);
		System.out.println("Server " + server.url() + "; workload: " + workload.describe());
		System.out.println("Warm-up: " + clients + " clients for " + warmup.toSeconds() + " s");
		LoadTest warm = new LoadTest();
		warm.drive(http, workload, clients, warmup, 1);
		OptionalLong heapBefore = server.heapAfterGc();
		OptionalLong rssBefore = server.residentBytes();
		System.out.println("Measured: " + clients + " clients for " + window.toSeconds() + " s");
		Instant started = Instant.now();
		double seconds = drive(http, workload, clients, window, 2);
		OptionalLong heapAfter = server.heapAfterGc();
		OptionalLong rssAfter = server.residentBytes();
		String report = report(clients, seconds, started, warm, heapBefore, rssBefore, heapAfter, rssAfter, loadBefore,
				loadAverage());
		System.out.println(report);
		Path out = Path.of("target", "loadtest", "results.md");
		Files.createDirectories(out.getParent());
		Files.writeString(out, report);
		return this.errorSamples.size() + warm.errorSamples.size();
	}

	/**
	 * Runs the clients until {@code duration} has passed; answers the seconds it took
	 * (the last requests included).
	 */
	private double drive(HttpClient http, Workload workload, int clients, Duration duration, long seed)
			throws InterruptedException {
		long start = System.nanoTime();
		long deadline = start + duration.toNanos();
		CountDownLatch done = new CountDownLatch(clients);
		for (int c = 0; c < clients; c++) {
			SplittableRandom random = new SplittableRandom(seed * 1000 + c);
			Thread client = new Thread(() -> {
				try {
					while (System.nanoTime() < deadline) {
						send(http, workload.next(random));
					}
				}
				finally {
					done.countDown();
				}
			}, "client-" + c);
			client.start();
		}
		done.await();
		return (System.nanoTime() - start) / 1e9;
	}

	private void send(HttpClient http, Workload.Call call) {
		long started = System.nanoTime();
		String error;
		try {
			HttpResponse<String> response = http.send(call.request(), HttpResponse.BodyHandlers.ofString());
			if (response.statusCode() == 200) {
				long nanos = System.nanoTime() - started;
				List<Long> kind = this.latencies.get(call.kind());
				synchronized (kind) {
					kind.add(nanos);
				}
				return;
			}
			error = response.statusCode() + " " + response.body();
		}
		catch (IOException ex) {
			error = ex.toString();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			error = ex.toString();
		}
		String key = call.kind() + " " + error.substring(0, Math.min(3, error.length()));
		this.errorCounts.computeIfAbsent(key, k -> new AtomicLong()).incrementAndGet();
		if (this.errorSamples.size() < 50) {
			this.errorSamples.add(call.kind() + " " + call.request().method() + " " + call.request().uri() + ": "
					+ error.substring(0, Math.min(300, error.length())));
		}
	}

	private String report(int clients, double seconds, Instant started, LoadTest warm, OptionalLong heapBefore,
			OptionalLong rssBefore, OptionalLong heapAfter, OptionalLong rssAfter, String loadBefore,
			String loadAfter) {
		StringBuilder out = new StringBuilder();
		out.append("## Load test, ").append(started).append("\n\n");
		out.append(String.format(Locale.ROOT,
				"%d clients, %.1f s measured after a warm-up (%d requests in the warm-up)."
						+ " Mix: %d %% chain analyses, %d %% scenarios, %d %% ad-hoc Cypher.%n%n",
				clients, seconds, warm.total(), Workload.CHAIN_PERCENT, Workload.SCENARIO_PERCENT,
				100 - Workload.CHAIN_PERCENT - Workload.SCENARIO_PERCENT));
		out.append("| kind | requests | req/s | p50 ms | p99 ms | max ms | errors |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|\n");
		List<Long> all = new ArrayList<>();
		for (Workload.Kind kind : Workload.Kind.values()) {
			List<Long> values = this.latencies.get(kind);
			all.addAll(values);
			out.append(row(kind.name().toLowerCase(Locale.ROOT), values, seconds, errors(kind.name())));
		}
		out.append(row("all", all, seconds, errors("")));
		out.append("\n| server memory | heap used after full GC | resident (RSS) |\n|---|---:|---:|\n");
		out.append("| before the measured window (after warm-up) | ")
			.append(mb(heapBefore))
			.append(" | ")
			.append(mb(rssBefore))
			.append(" |\n");
		out.append("| after the measured window | ")
			.append(mb(heapAfter))
			.append(" | ")
			.append(mb(rssAfter))
			.append(" |\n");
		out.append("\nLoad average (1, 5, 15 min) at start: ")
			.append(loadBefore)
			.append("; at end: ")
			.append(loadAfter)
			.append(" (")
			.append(Runtime.getRuntime().availableProcessors())
			.append(" cores).\n");
		List<String> errors = new ArrayList<>(warm.errorSamples);
		errors.addAll(this.errorSamples);
		out.append("\nErrors (warm-up and measured): ")
			.append(errors.isEmpty() ? "none" : errors.size() + "")
			.append('\n');
		errors.forEach(e -> out.append("- ").append(e).append('\n'));
		return out.toString();
	}

	private long total() {
		return this.latencies.values().stream().mapToLong(List::size).sum() + errors("");
	}

	private long errors(String prefix) {
		return this.errorCounts.entrySet()
			.stream()
			.filter(e -> e.getKey().startsWith(prefix))
			.mapToLong(e -> e.getValue().get())
			.sum();
	}

	private static String row(String name, List<Long> nanos, double seconds, long errors) {
		long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
		return String.format(Locale.ROOT, "| %s | %d | %.1f | %s | %s | %s | %d |%n", name, sorted.length,
				sorted.length / seconds, millis(percentile(sorted, 0.50)), millis(percentile(sorted, 0.99)),
				millis(sorted.length == 0 ? -1 : sorted[sorted.length - 1]), errors);
	}

	/** Nearest-rank percentile. */
	private static long percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return -1;
		}
		int rank = (int) Math.ceil(p * sorted.length);
		return sorted[Math.max(0, rank - 1)];
	}

	private static String millis(long nanos) {
		return nanos < 0 ? "-" : String.format(Locale.ROOT, "%.1f", nanos / 1e6);
	}

	private static String mb(OptionalLong bytes) {
		return bytes.isPresent() ? String.format(Locale.ROOT, "%.0f MB", bytes.getAsLong() / 1e6) : "n/a";
	}

	private static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + ", " + fields[1] + ", " + fields[2];
		}
		catch (IOException ex) {
			return "n/a";
		}
	}

	private static Map<String, String> options(String[] args) {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i < args.length; i++) {
			String arg = args[i];
			if (!arg.startsWith("--")) {
				throw new IllegalArgumentException("Unexpected argument " + arg);
			}
			String name = arg.substring(2);
			int equals = name.indexOf('=');
			if (equals >= 0) {
				options.put(name.substring(0, equals), name.substring(equals + 1));
			}
			else if (i + 1 < args.length) {
				options.put(name, args[++i]);
			}
			else {
				throw new IllegalArgumentException("Option " + arg + " needs a value");
			}
		}
		return options;
	}

}
