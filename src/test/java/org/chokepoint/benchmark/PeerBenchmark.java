package org.chokepoint.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.chokepoint.ChokepointApplication;
import org.chokepoint.importer.ImportService;
import org.chokepoint.supplychain.AnalysisBridge;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The side-by-side run of issue 18, as one table: chain answers over HTTP, cold (the
 * first ask of a pair: for the verdicts, of {@code --pairs} new pairs asked of the
 * service started afresh on the imported data in a JVM of its own, once it is ready, as
 * an analyst's service starts ({@link Service}); the p50 of as many new pairs asked right
 * after the import, in the JVM that imported, is shown too) and warm (the same request
 * again), against the in-process floor (the API's own calculator over facts read once)
 * and against a plain Python implementation of the same metrics on the same generated
 * files ({@code src/test/python/chain_peer.py}, run only where {@code python3} is
 * present), whose figures must agree with the API's to 1e-9; then the world matrix; then
 * the verdict pairs asked again, of the service started afresh once more, from Python's
 * own {@code http.client} ({@code src/test/python/chain_client.py}), a client as lean as
 * the peer's language gives (this JVM's {@code java.net.http} costs a client's share of
 * each figure), {@code --starts} times (3 unless said; this client's verdicts are on the
 * median of the starts' p50s, as one start differs from the next by 10 % or more on these
 * machines), and in each of those starts other new pairs from Python's requests as a
 * notebook calls it (where it is installed; beside the verdicts: that client's own time
 * per request is about half a millisecond); then the figures alone, as the peer computes
 * them (a world matrix of one cell per pair), from both clients, each of a service
 * started afresh, beside the verdicts; and every ratio with its target. A tool in the
 * test sources, not a test (docs/performance.md):
 *
 * <pre>mvn -B -o -Pbenchmark test-compile exec:exec -Dbenchmark.main=org.chokepoint.benchmark.PeerBenchmark \
 *   -Dbenchmark.args="--tier M"</pre>
 *
 * Writes {@code target/benchmark/peer-<tier>.md} (and the service's log,
 * {@code service-<tier>.log}).
 */
public final class PeerBenchmark {

	static final int YEAR = 2024;

	/**
	 * The data set's name in file names and the table: the tier, and its seed if given.
	 */
	private final String tier;

	/** What the data set is generated from: the tier's shape, and {@code --seed}. */
	private final Generator.Parameters parameters;

	private final int pairs;

	private final int warmRepeats;

	private final String python;

	/**
	 * Extra arguments of the service started for the verdicts ({@code --service-arg}),
	 * e.g. {@code --chokepoint.cache.http-warm-up=0s} for a run without its warm-up.
	 */
	private final List<String> serviceArgs;

	/**
	 * How many requests of other questions are asked before the settled set (0: none).
	 */
	private final int settle;

	/**
	 * How many times the service is started afresh for Python's client
	 * ({@code --starts}): its verdicts are on the median of the starts' p50s, as one
	 * start's p50 differs from the next one's by 10 % or more on these machines.
	 */
	private final int starts;

	private final List<String[]> rows = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

	private String base;

	/** The peer's figures per verdict pair, once {@link #peer} has run. */
	private final Map<Pair, Figures> peerFigures = new HashMap<>();

	private PeerBenchmark(Generator.Parameters parameters, String tier, int pairs, int warmRepeats, String python,
			int settle, int starts, List<String> serviceArgs) {
		this.parameters = parameters;
		this.tier = parameters.name(tier);
		this.starts = starts;
		this.serviceArgs = List.copyOf(serviceArgs);
		this.settle = settle;
		this.pairs = pairs;
		this.warmRepeats = warmRepeats;
		this.python = python;
	}

	public static void main(String[] args) throws Exception {
		String tier = "S";
		int pairs = 20;
		int warm = 5;
		String python = "python3";
		int settle = 1500;
		int starts = 3;
		Long seed = null;
		Integer years = null;
		List<String> serviceArgs = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--tier" -> tier = args[++i].toUpperCase(Locale.ROOT);
				case "--pairs" -> pairs = Integer.parseInt(args[++i]);
				case "--warm" -> warm = Integer.parseInt(args[++i]);
				case "--python" -> python = args[++i];
				case "--settle" -> settle = Integer.parseInt(args[++i]);
				case "--starts" -> starts = Integer.parseInt(args[++i]);
				case "--seed" -> seed = Long.parseLong(args[++i]);
				case "--years" -> years = Integer.parseInt(args[++i]);
				case "--service-arg" -> serviceArgs.add(args[++i]);
				default -> throw new IllegalArgumentException(
						"usage: PeerBenchmark [--tier S|M|L|I|J] [--seed N] [--years N] [--pairs N] [--warm N] [--python python3]"
								+ " [--settle N] [--starts N] [--service-arg --name=value]..., not " + args[i]);
			}
		}
		if (starts < 1) {
			throw new IllegalArgumentException("--starts must be 1 or more, not " + starts);
		}
		Generator.Parameters parameters = Generator.Parameters.of(tier, seed, years);
		new PeerBenchmark(parameters, tier, pairs, warm, python, settle, starts, serviceArgs).run();
		System.exit(0);
	}

	/** One (product, consumer) question and what the API answered. */
	private record Pair(String product, String consumer) {
	}

	/** The figures compared between the API and the peer. */
	private record Figures(double chinaExposure, double unknownShare, double chinaFreeShare, String worstInput,
			int spofs) {
	}

	private void run() throws Exception {
		Path out = Path.of("target/benchmark");
		Path data = out.resolve("data-" + this.tier);
		Path db = out.resolve("peer-db-" + this.tier);
		Generator.Parameters parameters = this.parameters;
		if (!Files.exists(data.resolve("trade_flows.csv"))) {
			Generator.write(parameters, data);
		}
		Benchmark.deleteRecursively(db);
		String loadBefore = Benchmark.loadAverage();
		List<Pair> first = pairs(parameters, 0);
		double[] startCold = new double[first.size()];
		List<Pair> pairs = pairs(parameters, this.pairs);
		double[] floor;
		double peerP50 = 0;
		try (ConfigurableApplicationContext context = start(db)) {
			long started = System.nanoTime();
			context.getBean(ImportService.class).importDirectory(data);
			this.notes.add(String.format(Locale.ROOT, "tier %s: %,d trade flows imported in %.1f s", this.tier,
					parameters.flows(), seconds(started)));
			// a first set of new pairs asked right after the import, in the JVM that
			// imported: it has compiled little of the request path (the HTTP warm-up of a
			// run started without data runs in the background after its first import,
			// beside these requests)
			for (int i = 0; i < first.size(); i++) {
				started = System.nanoTime();
				get(uri(first.get(i)));
				startCold[i] = millis(started);
			}
			floor = floor(context, pairs);
			breakdown(context, pairs);
		}
		warmClient();
		// how long a load from memory takes just before each start the verdicts are
		// taken from: a slow stretch of the machine shows in it (docs/performance.md)
		MemoryProbe probe = new MemoryProbe();
		String probed = probe.note();
		// the verdicts: the service started afresh on the imported data, in a JVM of its
		// own, as an analyst's starts, and asked once it is ready (after its warm-up)
		try (Service service = Service.start(db, out.resolve("service-" + this.tier + ".log"), this.serviceArgs,
				Duration.ofMinutes(10))) {
			this.base = service.base();
			this.notes.add(String.format(Locale.ROOT,
					"the service started on the imported database in a new JVM, ready in %.1f s (%s; a memory probe"
							+ " just before the start: %s)",
					service.readySeconds(), service.warmUp(), probed));
			double[] cold = new double[pairs.size()];
			double[] warm = new double[pairs.size() * this.warmRepeats];
			Map<Pair, Figures> answers = new HashMap<>();
			// the answers read after the pairs, not between them: this JVM's
			// JIT compiling the reading meanwhile took a core from the service
			// (docs/performance.md)
			String[] bodies = new String[pairs.size()];
			ClientLoad clientLoad = new ClientLoad();
			for (int i = 0; i < pairs.size(); i++) {
				String uri = uri(pairs.get(i));
				long started = System.nanoTime();
				bodies[i] = get(uri);
				cold[i] = millis(started);
				for (int r = 0; r < this.warmRepeats; r++) {
					started = System.nanoTime();
					get(uri);
					warm[i * this.warmRepeats + r] = millis(started);
				}
			}
			this.notes.add("java.net.http's verdict pairs (cold and warm): " + clientLoad.since());
			for (int i = 0; i < pairs.size(); i++) {
				answers.put(pairs.get(i), figures(bodies[i]));
			}
			double coldP50 = Benchmark.percentile(cold, 50);
			double warmP50 = Benchmark.percentile(warm, 50);
			double floorP50 = Benchmark.percentile(floor, 50);
			row("chain, cold p50 over HTTP, the first " + first.size()
					+ " new pairs after the import, in the run that imported (ms)", Benchmark.percentile(startCold, 50),
					null, null);
			row("chain, the first ask after the import, over HTTP (ms)", startCold[0], null, null);
			row("chain, cold p50 over HTTP, the first " + pairs.size() + " new pairs after a start on the data (ms)",
					coldP50, null, null);
			row("chain, warm p50 over HTTP (ms)", warmP50, null, null);
			row("in-process floor p50 (ms)", floorP50, null, null);
			row("in-process, each pair computed once in the order asked, products in turn, p50 (ms; not the floor)",
					Benchmark.percentile(this.floorInTurn, 50), null, null);
			row("cold / floor", coldP50 / floorP50, 2.0, "at most 2x (target at M)");
			if (this.settle > 0) {
				double settledP50 = settled(parameters);
				row("chain, cold p50 over HTTP, " + pairs.size() + " new pairs after " + this.settle
						+ " further requests (ms)", settledP50, null, null);
				row("settled cold / floor (not the verdict: the JIT has compiled the request path)",
						settledP50 / floorP50, null, null);
			}
			double[] peer = peer(data, pairs, answers);
			if (peer != null) {
				peerP50 = Benchmark.percentile(peer, 50);
				row("plain Python peer p50 (ms)", peerP50, null, null);
				row("cold / peer", coldP50 / peerP50, 1.0, "at most 1x");
				row("warm / peer", warmP50 / peerP50, 0.5, "at most 0.5x");
			}
			matrix();
		}
		// the same verdict pairs asked from Python's own http.client, of the service
		// started afresh once more (its caches empty, so each pair is cold again), and
		// that --starts times: the verdicts on the median of the starts' p50s
		double[] leanColds = new double[this.starts];
		double[] leanWarms = new double[this.starts];
		// then, in the same start, other new pairs from Python's requests as a notebook
		// calls it (Accept */*, gzip): beside the verdicts, what that client costs
		List<Pair> notebookPairs = pairs(parameters, 3 * this.pairs);
		double[] notebookColds = new double[this.starts];
		double[] notebookWarms = new double[this.starts];
		int notebooks = 0;
		int asked = 0;
		int started = 0;
		for (int s = 1; s <= this.starts; s++) {
			probed = probe.note();
			try (Service service = Service.start(db,
					out.resolve("service-" + this.tier + "-python" + ((s == 1) ? "" : "-" + s) + ".log"),
					this.serviceArgs, Duration.ofMinutes(10))) {
				double[][] lean = pythonClient(service.base(), pairs, PeerBenchmark::uri, "http.client");
				if (lean == null) {
					break;
				}
				double[][] notebook = (notebooks == started)
						? pythonClient(service.base(), notebookPairs, PeerBenchmark::uri, "requests") : null;
				if (notebook != null) {
					notebookColds[notebooks] = Benchmark.percentile(notebook[0], 50);
					notebookWarms[notebooks] = Benchmark.percentile(notebook[1], 50);
					notebooks++;
				}
				asked = lean[0].length;
				leanColds[started] = Benchmark.percentile(lean[0], 50);
				leanWarms[started] = Benchmark.percentile(lean[1], 50);
				started++;
				this.notes.add(String.format(Locale.ROOT,
						"for Python's http.client, start %d of %d: the service started afresh again, ready in %.1f s"
								+ " (%s; a memory probe just before the start: %s); cold p50 %.3f ms, warm p50 %.3f ms%s",
						s, this.starts, service.readySeconds(), service.warmUp(), probed, leanColds[started - 1],
						leanWarms[started - 1],
						(notebook == null) ? ""
								: String.format(Locale.ROOT,
										"; then Python's requests: cold p50 %.3f ms, warm p50 %.3f ms",
										notebookColds[notebooks - 1], notebookWarms[notebooks - 1])));
			}
		}
		if (started > 0) {
			double leanCold = medianOf(leanColds, started);
			double leanWarm = medianOf(leanWarms, started);
			double floorP50 = Benchmark.percentile(floor, 50);
			String of = (started == 1) ? "" : "; the median of " + started + " starts' p50s";
			row("Python's http.client: chain, cold p50 over HTTP, the same " + asked
					+ " pairs, new to a service started afresh (ms" + of + ")", leanCold, null, null);
			row("Python's http.client: chain, warm p50 over HTTP (ms" + of + ")", leanWarm, null, null);
			row("Python's http.client: cold / floor", leanCold / floorP50, 2.0, "at most 2x (target at M)");
			if (peerP50 > 0) {
				row("Python's http.client: cold / peer", leanCold / peerP50, 1.0, "at most 1x");
				row("Python's http.client: warm / peer", leanWarm / peerP50, 0.5, "at most 0.5x");
			}
		}
		if (notebooks > 0) {
			double cold = medianOf(notebookColds, notebooks);
			double warm = medianOf(notebookWarms, notebooks);
			String of = (notebooks == 1) ? "" : "; the median of " + notebooks + " starts' p50s";
			row("Python's requests (a notebook's defaults: Accept */*, gzip): chain, cold p50 over HTTP, "
					+ notebookPairs.size() + " other new pairs, after http.client's in the same starts (ms" + of + ")",
					cold, null, null);
			row("Python's requests: chain, warm p50 over HTTP (ms" + of + ")", warm, null, null);
			if (peerP50 > 0) {
				row("Python's requests: cold / peer (beside the verdict: the client's own time counts)", cold / peerP50,
						1.0, "at most 1x");
				row("Python's requests: warm / peer (beside the verdict)", warm / peerP50, 0.5, "at most 0.5x");
			}
		}
		figuresOnly(db, out, pairs, peerP50);
		String table = table(loadBefore);
		Files.createDirectories(out);
		Files.writeString(out.resolve("peer-" + this.tier + ".md"), table, StandardCharsets.UTF_8);
		System.out.println(table);
	}

	/**
	 * The application on the benchmark's database, on free ports, with only its own
	 * configuration (see Benchmark) and no start-up import (the generated folder is
	 * imported by the first run); the per-client rate limit would throttle a benchmark,
	 * so it is off here, and so is the HTTP warm-up, which would run beside the first set
	 * and the floor (the service started for the verdicts has it). Sets {@link #base}.
	 */
	private ConfigurableApplicationContext start(Path db) {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(ChokepointApplication.class)
			.web(WebApplicationType.SERVLET)
			.run("--spring.config.location=classpath:/application.yaml", "--server.port=0",
					"--chokepoint.embedded.port=0", "--chokepoint.embedded.data-dir=" + db,
					"--chokepoint.embedded.import-dir=" + db.resolve("import"), "--chokepoint.import.on-startup=false",
					"--chokepoint.embedded.shutdown-quiet-period=0s", "--chokepoint.cache.http-warm-up=0s",
					"--chokepoint.rate-limit.enabled=false");
		this.base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
		return context;
	}

	/**
	 * What this JVM (the client of {@code java.net.http}'s figures, which imported the
	 * data and ran the floor before) spends beside its requests: its CPU time and its
	 * garbage collections from when it was made, against the time passed. Work of its own
	 * there (a collection of the import's garbage, the JIT) takes a core from the service
	 * on a 2-core machine, which Python's client, a process of its own, does not.
	 */
	private static final class ClientLoad {

		private final long wall = System.nanoTime();

		private final long cpu = cpu();

		private final long collections = collections()[0];

		private final long collecting = collections()[1];

		private final Map<Long, Long> threads = threads();

		String since() {
			long[] now = collections();
			// the threads that took most of it (a thread started meanwhile from 0)
			List<Map.Entry<String, Long>> busiest = new ArrayList<>();
			java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
			threads().forEach((id, nanos) -> {
				java.lang.management.ThreadInfo info = bean.getThreadInfo(id);
				if (info != null) {
					busiest.add(Map.entry(info.getThreadName(), nanos - this.threads.getOrDefault(id, 0L)));
				}
			});
			long javaThreads = 0;
			for (Map.Entry<String, Long> thread : busiest) {
				javaThreads += thread.getValue();
			}
			long process = cpu() - this.cpu;
			// what the JVM's own threads took (the JIT's compilers, the collector's)
			busiest.add(Map.entry("the JVM's own threads", process - javaThreads));
			busiest.sort(Map.Entry.<String, Long>comparingByValue().reversed());
			StringBuilder top = new StringBuilder();
			for (Map.Entry<String, Long> thread : busiest.subList(0, Math.min(3, busiest.size()))) {
				top.append(top.isEmpty() ? "" : ", ")
					.append(String.format(Locale.ROOT, "%s %.0f ms", thread.getKey(), thread.getValue() / 1e6));
			}
			return String.format(Locale.ROOT,
					"this JVM took %.0f ms of CPU in %.0f ms (most in %s), %d garbage collections (%d ms) meanwhile",
					process / 1e6, (System.nanoTime() - this.wall) / 1e6, top, now[0] - this.collections,
					now[1] - this.collecting);
		}

		/** Per live thread, its CPU time so far (ns). */
		private static Map<Long, Long> threads() {
			java.lang.management.ThreadMXBean bean = java.lang.management.ManagementFactory.getThreadMXBean();
			Map<Long, Long> times = new HashMap<>();
			for (long id : bean.getAllThreadIds()) {
				long nanos = bean.getThreadCpuTime(id);
				if (nanos >= 0) {
					times.put(id, nanos);
				}
			}
			return times;
		}

		private static long cpu() {
			return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
				.getOperatingSystemMXBean()).getProcessCpuTime();
		}

		private static long[] collections() {
			long count = 0;
			long millis = 0;
			for (java.lang.management.GarbageCollectorMXBean gc : java.lang.management.ManagementFactory
				.getGarbageCollectorMXBeans()) {
				count += Math.max(0, gc.getCollectionCount());
				millis += Math.max(0, gc.getCollectionTime());
			}
			return new long[] { count, millis };
		}

	}

	/** How many requests {@link #warmClient()} sends. */
	private static final int CLIENT_WARM_UP = 3000;

	/**
	 * Warms up this JVM's HTTP client, not the service: {@link #CLIENT_WARM_UP} requests
	 * to a throwaway server in this JVM answering 64 kB of JSON, so that the figures over
	 * HTTP are the service's, not those of a client the JIT has not compiled yet (the
	 * service runs in a JVM of its own and is not touched).
	 */
	private void warmClient() throws IOException, InterruptedException {
		byte[] body = ("[" + "{\"country\":\"XXX\",\"share\":0.123456789012345},".repeat(1400) + "{}]")
			.getBytes(StandardCharsets.UTF_8);
		com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer
			.create(new java.net.InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		String base = this.base;
		try {
			this.base = "http://127.0.0.1:" + server.getAddress().getPort();
			for (int i = 0; i < CLIENT_WARM_UP; i++) {
				get("/warm-up?i=" + i);
			}
		}
		finally {
			this.base = base;
			server.stop(0);
		}
	}

	/** The default chain answer of a pair (traced, threshold 0.5, the summary). */
	private static String uri(Pair pair) {
		return uri(pair, "0.5");
	}

	private static String uri(Pair pair, String threshold) {
		return "/api/chains/" + pair.product() + "?consumer=" + pair.consumer() + "&year=" + YEAR
				+ "&sourcing=traced&threshold=" + threshold;
	}

	/**
	 * The cold p50 of a third set of {@code --pairs} new pairs, asked after
	 * {@code --settle} requests of other questions (pairs at thresholds other than 0.5,
	 * each a new answer, never one of the set's): what a new question costs once the JIT
	 * has compiled the request path, as it has on a service that has run a while. Shown
	 * beside the verdict, not instead of it.
	 */
	private double settled(Generator.Parameters parameters) throws Exception {
		List<Pair> others = pairs(parameters, 3 * this.pairs);
		// 0.30 to 0.70 but 0.50: forty thresholds, so up to forty times --pairs new
		// answers
		List<String> thresholds = new ArrayList<>();
		for (int t = 30; t <= 70; t++) {
			if (t != 50) {
				thresholds.add(String.format(Locale.ROOT, "0.%02d", t));
			}
		}
		for (int i = 0; i < this.settle; i++) {
			get(uri(others.get(i % others.size()), thresholds.get((i / others.size()) % thresholds.size())));
		}
		List<Pair> pairs = pairs(parameters, 2 * this.pairs);
		double[] cold = new double[pairs.size()];
		for (int i = 0; i < pairs.size(); i++) {
			long started = System.nanoTime();
			get(uri(pairs.get(i)));
			cold[i] = millis(started);
		}
		return Benchmark.percentile(cold, 50);
	}

	/**
	 * Distinct pairs, {@code --pairs} of them from the {@code from}-th: consumers in turn
	 * (not CHN), end products in turn.
	 */
	private List<Pair> pairs(Generator.Parameters p, int from) {
		return pairs(p, from, this.pairs);
	}

	/**
	 * {@code count} pairs from the {@code from}th: end products in turn, each with the
	 * next country (China left out).
	 */
	private static List<Pair> pairs(Generator.Parameters p, int from, int count) {
		List<String> countries = Generator.countries(p.countries());
		List<String> endProducts = new ArrayList<>();
		for (int i = 0; i < p.products(); i++) {
			if (Generator.level(p, i) == 0) {
				endProducts.add(Generator.product(i));
			}
		}
		List<Pair> pairs = new ArrayList<>();
		for (int i = from; i < from + count; i++) {
			pairs.add(new Pair(endProducts.get(i % endProducts.size()), countries.get(1 + i % (countries.size() - 1))));
		}
		return pairs;
	}

	/**
	 * The default chain answers' paths of {@code count} pairs from the {@code from}th, as
	 * this benchmark asks them (its verdict pairs are the {@code --pairs} from the
	 * {@code --pairs}th).
	 */
	static List<String> chainUris(Generator.Parameters p, int from, int count) {
		return pairs(p, from, count).stream().map(PeerBenchmark::uri).toList();
	}

	/**
	 * The calculator's time per pair computed once each in the order asked, set by
	 * {@link #floor}: beside the floor (each pair's median of {@link #FLOOR_REPEATS}
	 * computations in a row), to show what the CPU caches give the floor.
	 */
	private double[] floorInTurn;

	/** How many times the floor computes each pair: its time is the median of these. */
	private static final int FLOOR_REPEATS = 5;

	/** How many times the breakdown analyses each pair: its times are their medians. */
	private static final int BREAKDOWN_REPEATS = 3;

	/**
	 * The API's calculator over facts taken once per product: the in-process floor. Every
	 * pair is computed once untimed first (a warm-up: without it the S floor was 0.7 ms
	 * in one run and 3.4 to 5.4 ms in four others of the same code), then each pair
	 * {@link #FLOOR_REPEATS} times, timed by the median.
	 */
	private double[] floor(ConfigurableApplicationContext context, List<Pair> pairs) {
		AnalysisBridge analyses = new AnalysisBridge(context);
		Map<String, AnalysisBridge.Floor> loaded = new HashMap<>();
		double[] floor = new double[pairs.size()];
		double sum = 0;
		for (Pair pair : pairs) {
			AnalysisBridge.Figures figures = loaded.computeIfAbsent(pair.product(), k -> analyses.floor(k, YEAR))
				.compute(pair.consumer());
			sum += figures.chinaExposure() == null ? 0 : figures.chinaExposure();
		}
		for (int i = 0; i < pairs.size(); i++) {
			Pair pair = pairs.get(i);
			AnalysisBridge.Floor memory = loaded.computeIfAbsent(pair.product(), k -> analyses.floor(k, YEAR));
			double[] times = new double[FLOOR_REPEATS];
			for (int r = 0; r < FLOOR_REPEATS; r++) {
				long started = System.nanoTime();
				AnalysisBridge.Figures figures = memory.compute(pair.consumer());
				times[r] = millis(started);
				sum += figures.chinaExposure() == null ? 0 : figures.chinaExposure();
			}
			floor[i] = Benchmark.percentile(times, 50);
		}
		// then each pair once more in the order asked (the products in turn), the JIT
		// done with the calculator by now: what a pair costs after other products' mixes
		// went through the CPU caches, not right after itself
		this.floorInTurn = new double[pairs.size()];
		for (int i = 0; i < pairs.size(); i++) {
			Pair pair = pairs.get(i);
			long started = System.nanoTime();
			AnalysisBridge.Figures figures = loaded.get(pair.product()).compute(pair.consumer());
			this.floorInTurn[i] = millis(started);
			sum += figures.chinaExposure() == null ? 0 : figures.chinaExposure();
		}
		Benchmark.sink = sum;
		return floor;
	}

	/**
	 * Where a cold answer's time goes, in process and without HTTP: the analysis (the
	 * reads of alliances and stockpiles, the calculator on the projection's facts, the
	 * report) with every cache emptied first (the projection's views stay, as for a cold
	 * ask), then the JSON of its answer by the application's own mapper; each pair
	 * {@link #BREAKDOWN_REPEATS} times, timed by the median (one computation per pair
	 * swung from 15 to 36 ms at M between two runs of the same code).
	 */
	private void breakdown(ConfigurableApplicationContext context, List<Pair> pairs) {
		AnalysisBridge analyses = new AnalysisBridge(context);
		JsonMapper mapper = context.getBean(JsonMapper.class);
		double[] analysis = new double[pairs.size()];
		double[] json = new double[pairs.size()];
		long bytes = 0;
		for (int i = 0; i < pairs.size(); i++) {
			Pair pair = pairs.get(i);
			double[] analysisTimes = new double[BREAKDOWN_REPEATS];
			double[] jsonTimes = new double[BREAKDOWN_REPEATS];
			for (int r = 0; r < BREAKDOWN_REPEATS; r++) {
				analyses.clearCaches();
				long started = System.nanoTime();
				Object answer = analyses.analyse(pair.product(), pair.consumer(), YEAR, 0.5, LocalDate.now());
				analysisTimes[r] = millis(started);
				started = System.nanoTime();
				bytes = Math.max(bytes, mapper.writeValueAsBytes(answer).length);
				jsonTimes[r] = millis(started);
			}
			analysis[i] = Benchmark.percentile(analysisTimes, 50);
			json[i] = Benchmark.percentile(jsonTimes, 50);
		}
		row("in process: analysis p50 (ms)", Benchmark.percentile(analysis, 50), null, null);
		row("in process: JSON of the answer p50 (ms)", Benchmark.percentile(json, 50), null, null);
		this.notes
			.add(String.format(Locale.ROOT,
					"the largest chain answer is %,d bytes of JSON (the default summary: suppliers from 0.1 %% of the"
							+ " supply, the 10 largest and the allied alternatives, the rest counted and summed)",
					bytes));
	}

	/** The median of the first {@code count} of {@code values}. */
	private static double medianOf(double[] values, int count) {
		double[] sorted = Arrays.copyOf(values, count);
		Arrays.sort(sorted);
		return ColdStarts.median(sorted);
	}

	/**
	 * Asks {@code pairs} of the service from Python's own {@code http.client}
	 * ({@code src/test/python/chain_client.py}): each once cold, then {@code --warm}
	 * times again. The client an analyst's notebook has, as lean as the peer's language
	 * gives: {@code java.net.http}'s own costs (its selector thread and the hand-offs to
	 * it) are part of this benchmark's other figures. With {@code client} "requests", the
	 * requests library as a notebook calls it instead (its default headers: any type,
	 * gzip), whose own time per request is larger. Null (with a note) where Python or
	 * requests cannot run.
	 * @param client {@code http.client} or {@code requests}
	 * @return the cold times, then the warm ones
	 */
	private double[][] pythonClient(String base, List<Pair> pairs, java.util.function.Function<Pair, String> uri,
			String client) throws IOException, InterruptedException {
		Path script = Path.of("src/test/python/chain_client.py");
		Path queries = Files.createTempFile("client-queries", ".csv");
		Path times = Files.createTempFile("client-times", ".csv");
		try {
			StringBuilder lines = new StringBuilder();
			pairs.forEach(p -> lines.append(uri.apply(p)).append('\n'));
			Files.writeString(queries, lines);
			if (python("Python's " + client, script.toString(), base, "--queries", queries.toString(), "--warm",
					"" + this.warmRepeats, "--out", times.toString(), "--client", client) == null) {
				return null;
			}
			List<String> rows = Files.readAllLines(times);
			double[] cold = new double[rows.size()];
			double[] warm = new double[rows.size() * this.warmRepeats];
			for (int i = 0; i < rows.size(); i++) {
				String[] cells = rows.get(i).split(",");
				cold[i] = Double.parseDouble(cells[0]);
				for (int r = 0; r < this.warmRepeats; r++) {
					warm[i * this.warmRepeats + r] = Double.parseDouble(cells[1 + r]);
				}
			}
			return new double[][] { cold, warm };
		}
		finally {
			Files.deleteIfExists(queries);
			Files.deleteIfExists(times);
		}
	}

	/**
	 * Runs {@code --python} with {@code arguments}: its output, or null with a note
	 * naming {@code what} where it is not found or fails.
	 */
	private String python(String what, String... arguments) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(this.python));
		command.addAll(List.of(arguments));
		Process process;
		try {
			process = new ProcessBuilder(command).redirectErrorStream(true).start();
		}
		catch (IOException ex) {
			this.notes.add(what + " not run: " + this.python + " not found (" + ex.getMessage() + ")");
			return null;
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(30, TimeUnit.MINUTES) || process.exitValue() != 0) {
			this.notes.add(what + " failed: " + output.strip());
			return null;
		}
		return output;
	}

	/**
	 * Runs the Python peer on the same pairs; null (with a note) where it cannot run.
	 * Every answer is compared with the API's.
	 */
	private double[] peer(Path data, List<Pair> pairs, Map<Pair, Figures> answers)
			throws IOException, InterruptedException {
		Path script = Path.of("src/test/python/chain_peer.py");
		Path queries = Files.createTempFile("peer-queries", ".csv");
		Path answersFile = Files.createTempFile("peer-answers", ".csv");
		try {
			StringBuilder lines = new StringBuilder();
			pairs.forEach(p -> lines.append(p.product()).append(',').append(p.consumer()).append('\n'));
			Files.writeString(queries, lines);
			String output = python("plain Python peer", script.toString(), data.toString(), "--year", "" + YEAR,
					"--sourcing", "traced", "--threshold", "0.5", "--queries", queries.toString(), "--out",
					answersFile.toString());
			if (output == null) {
				return null;
			}
			this.notes.add("plain Python peer: " + output.strip());
			List<String> answered = Files.readAllLines(answersFile);
			double[] millis = new double[pairs.size()];
			double largest = 0;
			int disagreements = 0;
			for (int i = 0; i < pairs.size(); i++) {
				String[] cells = answered.get(i + 1).split(",");
				Figures api = answers.get(pairs.get(i));
				Figures peer = new Figures(Double.parseDouble(cells[2]), Double.parseDouble(cells[3]),
						Double.parseDouble(cells[4]), cells[5], Integer.parseInt(cells[6]));
				this.peerFigures.put(pairs.get(i), peer);
				double difference = difference(api, peer);
				largest = Math.max(largest, difference);
				if (difference > 1e-9 || !api.worstInput().equals(peer.worstInput()) || api.spofs() != peer.spofs()) {
					disagreements++;
					this.notes
						.add("DISAGREEMENT " + pairs.get(i) + ": API " + api + ", peer " + String.join(",", cells));
				}
				millis[i] = Double.parseDouble(cells[7]);
			}
			this.notes.add(String.format(Locale.ROOT,
					"peer vs API on %d pairs: largest difference of a figure %.3g, %d disagreements (figures beyond "
							+ "1e-9, worst input or SPOF count)",
					pairs.size(), largest, disagreements));
			return millis;
		}
		finally {
			Files.deleteIfExists(queries);
			Files.deleteIfExists(answersFile);
		}
	}

	/** The largest difference of the three figures. */
	private static double difference(Figures a, Figures b) {
		return Math.max(Math.abs(a.chinaExposure() - b.chinaExposure()), Math
			.max(Math.abs(a.unknownShare() - b.unknownShare()), Math.abs(a.chinaFreeShare() - b.chinaFreeShare())));
	}

	/**
	 * The figures alone, as the peer computes them (the three shares, the worst input,
	 * the SPOF count at 0.5): the world matrix of one cell ({@link #cellUri}), asked for
	 * the verdict pairs of a service started afresh, once from this JVM's client (each
	 * cell's figures compared with the peer's) and once more, of another fresh start,
	 * from Python's {@code http.client}. Beside the verdicts, not instead of them: the
	 * verdicts are the chain's default answer, whose stages, single points of failure and
	 * alternatives the peer does not compute.
	 */
	private void figuresOnly(Path db, Path out, List<Pair> pairs, double peerP50)
			throws IOException, InterruptedException {
		try (Service service = Service.start(db, out.resolve("service-" + this.tier + "-figures.log"), this.serviceArgs,
				Duration.ofMinutes(10))) {
			this.base = service.base();
			double[] cold = new double[pairs.size()];
			double[] warm = new double[pairs.size() * this.warmRepeats];
			double largest = 0;
			int disagreements = 0;
			for (int i = 0; i < pairs.size(); i++) {
				String uri = cellUri(pairs.get(i));
				long started = System.nanoTime();
				String body = get(uri);
				cold[i] = millis(started);
				for (int r = 0; r < this.warmRepeats; r++) {
					started = System.nanoTime();
					get(uri);
					warm[i * this.warmRepeats + r] = millis(started);
				}
				Figures peer = this.peerFigures.get(pairs.get(i));
				if (peer != null) {
					Figures cell = cellFigures(body);
					largest = Math.max(largest, difference(cell, peer));
					if (difference(cell, peer) > 1e-9 || !cell.worstInput().equals(peer.worstInput())
							|| cell.spofs() != peer.spofs()) {
						disagreements++;
						this.notes
							.add("DISAGREEMENT (one-cell matrix) " + pairs.get(i) + ": API " + cell + ", peer " + peer);
					}
				}
			}
			if (!this.peerFigures.isEmpty()) {
				this.notes.add(String.format(Locale.ROOT,
						"peer vs the one-cell matrices on %d pairs: largest difference of a figure %.3g, %d"
								+ " disagreements",
						pairs.size(), largest, disagreements));
			}
			figureRows("", Benchmark.percentile(cold, 50), Benchmark.percentile(warm, 50), pairs.size(), peerP50);
		}
		try (Service service = Service.start(db, out.resolve("service-" + this.tier + "-figures-python.log"),
				this.serviceArgs, Duration.ofMinutes(10))) {
			double[][] lean = pythonClient(service.base(), pairs, PeerBenchmark::cellUri, "http.client");
			if (lean != null) {
				figureRows("Python's http.client: ", Benchmark.percentile(lean[0], 50),
						Benchmark.percentile(lean[1], 50), lean[0].length, peerP50);
			}
		}
	}

	private void figureRows(String client, double cold, double warm, int pairs, double peerP50) {
		row(client + "figures only (a one-cell world matrix), cold p50 over HTTP, the same " + pairs
				+ " pairs, new to a service started afresh (ms)", cold, null, null);
		row(client + "figures only, warm p50 over HTTP (ms)", warm, null, null);
		if (peerP50 > 0) {
			row(client + "figures only: cold / peer (beside the verdict)", cold / peerP50, 1.0, "at most 1x");
			row(client + "figures only: warm / peer (beside the verdict)", warm / peerP50, 0.5, "at most 0.5x");
		}
	}

	/** The world matrix of one cell: the pair's figures alone (traced, threshold 0.5). */
	private static String cellUri(Pair pair) {
		return "/api/exposure/matrix?consumers=" + pair.consumer() + "&products=" + pair.product() + "&year=" + YEAR
				+ "&sourcing=traced&threshold=0.5";
	}

	private Figures cellFigures(String body) {
		JsonNode cell = this.json.readTree(body).get("cells").get(0);
		return new Figures(cell.get("chinaExposure").asDouble(), cell.get("unknownShare").asDouble(),
				cell.get("chinaFreeShare").asDouble(), cell.get("worstInput").asString(),
				cell.get("singlePointsOfFailure").asInt());
	}

	/** The world matrix, cold (first ask) then warm. */
	private void matrix() throws IOException, InterruptedException {
		String uri = "/api/exposure/matrix?year=" + YEAR + "&sourcing=traced";
		long started = System.nanoTime();
		HttpResponse<String> response = send(uri);
		double cold = millis(started);
		if (response.statusCode() != 200) {
			this.notes.add("world matrix not measured: " + uri + " answered " + response.statusCode());
			return;
		}
		started = System.nanoTime();
		send(uri);
		double warm = millis(started);
		row("world matrix, cold (s)", cold / 1000, 10.0, "under 10 s (target at M)");
		row("world matrix, warm (ms)", warm, null, null);
	}

	private Figures figures(String body) {
		JsonNode answer = this.json.readTree(body);
		return new Figures(answer.get("chinaExposure").asDouble(), answer.get("unknownShare").asDouble(),
				answer.get("chinaFreeShare").asDouble(), answer.get("worstInput").asString(),
				answer.get("singlePointsOfFailure").size());
	}

	private String get(String uri) throws IOException, InterruptedException {
		HttpResponse<String> response = send(uri);
		if (response.statusCode() != 200) {
			throw new IllegalStateException(uri + " answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	private HttpResponse<String> send(String uri) throws IOException, InterruptedException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + uri))
			.header("Accept", "application/json")
			.timeout(Duration.ofMinutes(5))
			.GET()
			.build();
		return this.http.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/** A row of the table: a figure, and where there is a target, PASS or MISS. */
	private void row(String what, double value, Double limit, String target) {
		String verdict = limit == null ? "" : (value <= limit ? "PASS" : "MISS");
		this.rows.add(new String[] { what, String.format(Locale.ROOT, "%.3g", value), target == null ? "" : target,
				verdict });
	}

	private String table(String loadBefore) {
		StringBuilder md = new StringBuilder();
		md.append("# Side by side, tier ").append(this.tier).append("\n\n");
		md.append("| measure | value | target | verdict |\n|---|---:|---|---|\n");
		for (String[] r : this.rows) {
			md.append("| ").append(String.join(" | ", r)).append(" |\n");
		}
		md.append('\n');
		md.append("- load average before: ")
			.append(loadBefore)
			.append(", after: ")
			.append(Benchmark.loadAverage())
			.append(" (2 cores; a loaded machine slows every figure)\n");
		for (String note : this.notes) {
			md.append("- ").append(note).append('\n');
		}
		return md.toString();
	}

	private static double millis(long started) {
		return (System.nanoTime() - started) / 1e6;
	}

	private static double seconds(long started) {
		return (System.nanoTime() - started) / 1e9;
	}

}
