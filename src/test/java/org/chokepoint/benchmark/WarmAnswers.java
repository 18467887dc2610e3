package org.chokepoint.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.chokepoint.ChokepointApplication;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Warm answers over HTTP with the answer cache off and on (issue 18, "warm answers as
 * bytes"): the application is started on the shipped data twice on one database,
 * {@code chokepoint.answer-cache.enabled=false} then {@code true}, and the same chain,
 * exposure and SPOF requests are asked again and again after a first (cold) ask; the p50
 * and p90 of the warm asks are printed per request and setting. A tool in the test
 * sources, not a test:
 *
 * <pre>mvn -B -o -Pbenchmark test-compile exec:exec -Dbenchmark.main=org.chokepoint.benchmark.WarmAnswers \
 *   -Dbenchmark.args="--repeats 200"</pre>
 */
public final class WarmAnswers {

	private static final List<String> REQUESTS = List.of(
			"/api/chains/ndfeb-magnet?consumer=EU&year=2024&sourcing=traced",
			"/api/chains/wind-turbine-offshore?consumer=USA&year=2024&sourcing=traced",
			"/api/exposure?consumer=EU&year=2024", "/api/spof?consumer=USA&year=2024",
			"/api/exposure/matrix?year=2024");

	private WarmAnswers() {
	}

	public static void main(String[] args) throws Exception {
		int repeats = 200;
		for (int i = 0; i < args.length; i++) {
			if ("--repeats".equals(args[i])) {
				repeats = Integer.parseInt(args[++i]);
			}
			else {
				throw new IllegalArgumentException("usage: WarmAnswers [--repeats N], not " + args[i]);
			}
		}
		Path db = Path.of("target/benchmark/warm-answers-db");
		Benchmark.deleteRecursively(db);
		List<String> lines = new ArrayList<>();
		lines.add("load before: " + Benchmark.loadAverage());
		for (boolean enabled : new boolean[] { false, true }) {
			try (ConfigurableApplicationContext context = new SpringApplicationBuilder(ChokepointApplication.class)
				.web(WebApplicationType.SERVLET)
				.run("--spring.config.location=classpath:/application.yaml", "--server.port=0",
						"--chokepoint.embedded.port=0", "--chokepoint.embedded.data-dir=" + db,
						"--chokepoint.embedded.shutdown-quiet-period=0s", "--chokepoint.cache.http-warm-up=0s",
						"--chokepoint.rate-limit.enabled=false", "--chokepoint.answer-cache.enabled=" + enabled)) {
				String base = "http://127.0.0.1:" + context.getEnvironment().getProperty("local.server.port");
				HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
				for (String uri : REQUESTS) {
					HttpRequest request = HttpRequest.newBuilder(URI.create(base + uri))
						.header("Accept", "application/json")
						.timeout(Duration.ofMinutes(5))
						.GET()
						.build();
					long started = System.nanoTime();
					HttpResponse<byte[]> first = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
					double cold = (System.nanoTime() - started) / 1e6;
					if (first.statusCode() != 200) {
						lines.add(uri + " answered " + first.statusCode());
						continue;
					}
					double[] warm = new double[repeats];
					for (int r = 0; r < repeats; r++) {
						started = System.nanoTime();
						http.send(request, HttpResponse.BodyHandlers.ofByteArray());
						warm[r] = (System.nanoTime() - started) / 1e6;
					}
					lines.add(String.format(Locale.ROOT,
							"answer-cache %-5s %-72s %8d bytes  cold %8.2f ms  warm p50 %7.3f ms  p90 %7.3f ms",
							enabled, uri, first.body().length, cold, Benchmark.percentile(warm, 50),
							Benchmark.percentile(warm, 90)));
				}
			}
		}
		lines.add("load after: " + Benchmark.loadAverage());
		lines.forEach(System.out::println);
		System.exit(0);
	}

}
