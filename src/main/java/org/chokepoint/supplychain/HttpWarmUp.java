package org.chokepoint.supplychain;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import org.chokepoint.http.AnswerCacheProperties;
import org.chokepoint.http.WarmUpRequests;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Warms up the whole request path of the analyses, once per run of the application, by
 * asking itself chain questions over HTTP on its own port: Tomcat, the filters, Spring
 * MVC, the analysis and the writing of its JSON run as for an analyst, so that the JVM
 * has compiled them before the first analyst asks. Without it, the first hundreds of
 * chain answers after a start took two to four times as long as later ones
 * (docs/performance.md); {@link AnalysisWarmUp} alone, which skips HTTP, did not change
 * that.
 *
 * <p>
 * It runs when the application is ready and holds data (before it reports itself ready: a
 * readiness probe sees it up once the warm-up is over), or, for an application started on
 * an empty database, in the background after its first import. First it asks once each of
 * {@link #OTHERS}: what the atlas asks when it opens and beside a chain, and a country's
 * details and a mineral's concentration, whose first ask after a start took 40 to 650 ms
 * at the benchmark's I size and 4 to 45 ms once these were asked (the Cypher plans and
 * the JIT). They come first because, asked after the chain questions, they made the JIT
 * throw away much of the code it had compiled for them (a handler, serialisers and
 * message converters seeing other types), just before an analyst's first questions: the
 * first 100 new chain questions after a start took 0.94 to 1.20 ms (p50, I) that way,
 * 0.78 to 0.94 ms this way (docs/performance.md). Then it asks each product for each
 * consumer in turn (every second question names the data's newest year, the sourcing and
 * the threshold, as a notebook does; the others take the defaults), one request at a
 * time, asking as the clients of {@link #FIRST_ASKING} do in turn, every
 * {@link #CELL_EVERY}th pair's figures alone too (the world matrix of that one cell, as a
 * notebook asks for figures only), until {@link CachingProperties#httpWarmUp()} has
 * passed or {@link CachingProperties#httpWarmUpRequests()} chain questions are done. Then
 * it asks its last {@link #AGAIN} questions again in turn,
 * {@link CachingProperties#httpWarmUpAgain()} requests at most, for at most
 * {@code httpWarmUp} more (none when the answer cache is off): answered from their kept
 * bytes as an analyst's warm answer is (each with its first {@code Accept}, with the
 * {@code Accept-Encoding} of {@link #AGAIN_ENCODINGS} in turn: every second one gzipped),
 * they compile the path every answer shares (Tomcat, the filters, Spring Security, the
 * writing of bytes), which took thousands of requests (docs/performance.md). Its requests
 * carry a token only this run knows ({@link WarmUpRequests}): nothing they compute is
 * kept where an analyst's request looks (their analyses are kept in {@link WarmUpCaches},
 * emptied when it ends, and their bytes apart, for the warm-up's own second asks), so the
 * first ask of a pair is still computed when an analyst asks it, and the rate limit does
 * not count them. Not run without a web server (the command-line import and report), or
 * over HTTPS.
 */
@Component
class HttpWarmUp implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(HttpWarmUp.class);

	private static final String JSON = "application/json";

	private static final String ANY = "*/*";

	/**
	 * How a client asks: its {@code Accept} and {@code Accept-Encoding} (null: none).
	 */
	record Asking(String accept, String encoding) {
	}

	/**
	 * How its chain questions ask, two questions each in turn: naming JSON, as
	 * {@code java.net.http} (no {@code Accept-Encoding}) and Python's {@code http.client}
	 * and {@code urllib} ({@code identity}) do when told to; and accepting anything, as
	 * Python's {@code requests} ({@code gzip, deflate}) and curl (none) do by default.
	 * Asked with one kind only, the JIT threw away the compiled writing of an answer at
	 * the first analyst's question of the other; asked by the first two only (the warm-up
	 * gzipped only answers it had kept), the first 100 new chain questions from
	 * {@code requests} after a start took 1.70 to 2.05 ms (p50, at the benchmark's I
	 * size), 1.58 to 1.78 ms this way (docs/performance.md).
	 */
	static final List<Asking> FIRST_ASKING = List.of(new Asking(JSON, null), new Asking(JSON, "identity"),
			new Asking(ANY, "gzip, deflate"), new Asking(ANY, null));

	/**
	 * The {@code Accept-Encoding} its asking again names in turn: none and
	 * {@code identity}, and gzip as browsers and Python's {@code requests} ask (the kept
	 * gzip form).
	 */
	static final List<String> AGAIN_ENCODINGS = Arrays.asList(null, "gzip", "identity", "gzip, deflate");

	/** How long one request may take before the warm-up gives up. */
	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

	/**
	 * How many of its last questions it asks again: few enough that their answers stay in
	 * the warm-up's own cache ({@code max-answer-size} in all).
	 */
	static final int AGAIN = 20;

	/**
	 * Every how many chain questions it asks a pair's one-cell world matrix too: often
	 * enough that the matrix's path is compiled before ready, seldom enough to leave most
	 * of the time to the chains. At the benchmark's I size, the first 100 new one-cell
	 * matrices after a start took 0.62 to 0.70 ms (p50) with it against 0.87 to 0.96 ms
	 * without, and the first 100 new chains no longer (docs/performance.md).
	 */
	static final int CELL_EVERY = 4;

	/**
	 * The other requests it asks once each before the chain questions ({@code %1$s} the
	 * first product, {@code %2$s} the first consumer, {@code %3$s} the first mineral,
	 * URL-encoded; a path naming a mineral is skipped when there is none): what the atlas
	 * asks when it opens (its five lists) and beside a chain (the consumer's overview,
	 * the trend, a product's details for the buyer), and a country's details and a
	 * mineral's concentration, which a notebook asks of the catalogue. Their first ask
	 * after a start took 40 to 650 ms at the benchmark's I size, and 4 to 45 ms once
	 * these had been asked (of other lists, pairs, countries and minerals): the Cypher
	 * plans and the JIT (docs/performance.md). A mineral's details are left out: at the M
	 * size one ask of them takes a second (an 11 MB answer).
	 */
	static final List<String> OTHERS = List.of("/api/countries?size=500", "/api/blocs?size=500",
			"/api/products?size=500", "/api/minerals?size=500", "/api/measures?size=500", "/api/exposure?consumer=%2$s",
			"/api/exposure/trend?consumer=%2$s&product=%1$s", "/api/products/%1$s?buyer=%2$s", "/api/countries/%2$s",
			"/api/minerals/%3$s/concentration");

	private final WarmUpRequests requests;

	private final WarmUpCaches caches;

	private final Duration budget;

	private final int maxRequests;

	private final int maxAgain;

	private final Environment environment;

	private final AtomicReference<ChainProjection> latest = new AtomicReference<>();

	/** Whether a warm-up has started in this run: there is one at most. */
	private final AtomicBoolean started = new AtomicBoolean();

	private final AtomicReference<Run> last = new AtomicReference<>();

	private volatile int port = -1;

	private volatile boolean ready;

	private volatile boolean stopping;

	private final ExecutorService background = Executors.newSingleThreadExecutor(runnable -> {
		Thread thread = new Thread(runnable, "http-warm-up");
		thread.setDaemon(true);
		return thread;
	});

	HttpWarmUp(WarmUpRequests requests, WarmUpCaches caches, CachingProperties properties,
			AnswerCacheProperties answers, Environment environment) {
		this.requests = requests;
		this.caches = caches;
		this.budget = properties.httpWarmUp();
		this.maxRequests = properties.httpWarmUpRequests();
		// without the answer cache a second ask is computed again: not what it is for
		this.maxAgain = answers.enabled() ? properties.httpWarmUpAgain() : 0;
		this.environment = environment;
	}

	/**
	 * A finished warm-up.
	 *
	 * @param version the data version it asked about
	 * @param requests how many chain questions it asked
	 * @param cells how many one-cell world matrices it asked besides
	 * @param withYear how many of the chain questions named the data's newest year: the
	 * first such question reads the data's first year for the check of a year parameter,
	 * once per import, which took 0.1 s on an analyst's first question with a year
	 * otherwise (docs/performance.md)
	 * @param others how many of {@link #OTHERS} it asked
	 * @param othersMillis how long they took
	 * @param again how many requests then asked its last questions again
	 * @param failed how many requests were not answered 200
	 * @param millis how long it took
	 */
	record Run(String version, int requests, int cells, int withYear, int others, long othersMillis, int again,
			int failed, long millis) {
	}

	/** The warm-up of this run once it has finished; null before. */
	Run last() {
		return this.last.get();
	}

	@EventListener
	void serverStarted(WebServerInitializedEvent event) {
		if (event.getApplicationContext().getServerNamespace() == null) {
			this.port = event.getWebServer().getPort();
		}
	}

	/**
	 * A projection was built: after the first import of an application started without
	 * data, the warm-up runs in the background.
	 */
	void built(ChainProjection projection) {
		this.latest.set(projection);
		if (this.ready && hasData(projection) && wanted() && this.started.compareAndSet(false, true)) {
			this.background.execute(() -> run(projection));
		}
	}

	/**
	 * The application is ready: with data, the warm-up runs now, before the application
	 * reports itself ready (after {@link ChainProjections} built the start-up
	 * projection).
	 */
	@EventListener(ApplicationReadyEvent.class)
	@Order(1)
	void ready() {
		this.ready = true;
		ChainProjection projection = this.latest.get();
		if (projection != null && hasData(projection) && wanted() && this.started.compareAndSet(false, true)) {
			run(projection);
		}
	}

	private boolean wanted() {
		return !this.budget.isZero() && this.maxRequests > 0 && this.port > 0;
	}

	private static boolean hasData(ChainProjection projection) {
		return !projection.reference().products().isEmpty() && !projection.reference().parties().isEmpty();
	}

	private void run(ChainProjection projection) {
		if (this.environment.getProperty("server.ssl.enabled", Boolean.class, false)
				|| this.environment.getProperty("server.ssl.bundle") != null) {
			log.info("HTTP warm-up skipped: the server speaks HTTPS");
			return;
		}
		long started = System.nanoTime();
		List<String> products = projection.reference().products().stream().sorted().toList();
		List<String> consumers = projection.reference().parties().stream().sorted().toList();
		long pairs = (long) products.size() * consumers.size();
		String base = base();
		HttpClient client = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		int newest = projection.newestYear();
		// as a notebook names them: the year, and the sourcing and threshold (the
		// defaults)
		String year = (newest != Integer.MIN_VALUE) ? "&year=" + newest + "&sourcing=traced&threshold=0.5" : "";
		int sent = 0;
		int withYear = 0;
		int cells = 0;
		int others = 0;
		long othersStarted = 0;
		long othersEnded = 0;
		int again = 0;
		int failed = 0;
		// the last questions, each with the Accept it was asked with
		ArrayDeque<Map.Entry<URI, String>> last = new ArrayDeque<>(AGAIN);
		try {
			// first, so that the JIT compiles the chain questions' path having seen them:
			// asked last, they made it throw away much of its compiled code (a handler,
			// serialisers, message converters of other types) just before an analyst's
			// first questions
			String mineral = projection.reference().minerals().stream().sorted().findFirst().orElse(null);
			othersStarted = System.nanoTime();
			for (String path : OTHERS) {
				if (this.stopping || Thread.currentThread().isInterrupted()) {
					break;
				}
				if (mineral == null && path.contains("%3$s")) {
					continue;
				}
				others++;
				if (!ask(client, URI.create(base + String.format(path, encode(products.get(0)),
						encode(consumers.get(0)), mineral == null ? "" : encode(mineral))), JSON, null)) {
					failed++;
				}
			}
			othersEnded = System.nanoTime();
			long deadline = othersEnded + this.budget.toNanos();
			for (int i = 0; i < this.maxRequests && i < pairs; i++) {
				if (System.nanoTime() > deadline || this.stopping || Thread.currentThread().isInterrupted()) {
					break;
				}
				String product = products.get(i % products.size());
				String consumer = consumers.get(i / products.size());
				boolean named = i % 2 == 1 && !year.isEmpty();
				URI uri = URI.create(base + "/api/chains/" + encode(product) + "?consumer=" + encode(consumer)
						+ (named ? year : ""));
				if (named) {
					withYear++;
				}
				sent++;
				Asking asking = FIRST_ASKING.get((i / 2) % FIRST_ASKING.size());
				if (ask(client, uri, asking.accept(), asking.encoding())) {
					if (last.size() == AGAIN) {
						last.removeFirst();
					}
					last.addLast(Map.entry(uri, asking.accept()));
				}
				else {
					failed++;
				}
				if (i % CELL_EVERY == CELL_EVERY - 1) {
					cells++;
					URI cell = URI.create(base + "/api/exposure/matrix?consumers=" + encode(consumer) + "&products="
							+ encode(product));
					if (!ask(client, cell, JSON, null)) {
						failed++;
					}
				}
			}
			List<Map.Entry<URI, String>> questions = List.copyOf(last);
			long againDeadline = System.nanoTime() + this.budget.toNanos();
			for (int j = 0; j < this.maxAgain && !questions.isEmpty(); j++) {
				if (System.nanoTime() > againDeadline || this.stopping || Thread.currentThread().isInterrupted()) {
					break;
				}
				again++;
				// as first asked (the answer kept is the Accept's), in each encoding in
				// turn
				Map.Entry<URI, String> question = questions.get(j % questions.size());
				if (!ask(client, question.getKey(), question.getValue(),
						AGAIN_ENCODINGS.get(j % AGAIN_ENCODINGS.size()))) {
					failed++;
				}
			}
		}
		catch (IOException ex) {
			log.warn("HTTP warm-up stopped after {} requests: {}", sent, ex.toString());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			this.caches.clear();
		}
		long othersMillis = (othersEnded > othersStarted) ? (othersEnded - othersStarted) / 1_000_000 : 0;
		Run run = new Run(projection.version(), sent, cells, withYear, others, othersMillis, again, failed,
				(System.nanoTime() - started) / 1_000_000);
		this.last.set(run);
		log.info("Request path warmed up over HTTP on data version {}: {} other requests (the atlas's and the"
				+ " catalogue's) in {} ms, then {} chain questions ({} naming the year {}) and {} one-cell world"
				+ " matrices, then {} requests asking the last {} chain questions again, in {} ms ({} not answered"
				+ " 200; nothing kept)", run.version(), run.others(), run.othersMillis(), run.requests(),
				run.withYear(), newest, run.cells(), run.again(), Math.min(AGAIN, run.requests()), run.millis(),
				run.failed());
	}

	/**
	 * Asks {@code uri} with the warm-up's token, {@code Accept: accept} (and
	 * {@code Accept-Encoding: encoding} unless null): whether it was answered 200.
	 */
	private boolean ask(HttpClient client, URI uri, String accept, String encoding)
			throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(uri)
			.header("Accept", accept)
			.header(WarmUpRequests.HEADER, this.requests.token())
			.timeout(REQUEST_TIMEOUT)
			.GET();
		if (encoding != null) {
			request.header("Accept-Encoding", encoding);
		}
		return client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
	}

	/**
	 * The application's own address: its bind address, or loopback when it binds to all.
	 */
	private String base() {
		String host = "127.0.0.1";
		String address = this.environment.getProperty("server.address");
		if (address != null && !address.isBlank()) {
			try {
				InetAddress bound = InetAddress.getByName(address.strip());
				if (!bound.isAnyLocalAddress()) {
					host = bound.getHostAddress().contains(":") ? "[" + bound.getHostAddress() + "]"
							: bound.getHostAddress();
				}
			}
			catch (IOException ex) {
				// the server could not bind to it either: loopback
			}
		}
		String contextPath = this.environment.getProperty("server.servlet.context-path", "");
		return "http://" + host + ":" + this.port + (contextPath.equals("/") ? "" : contextPath);
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
	}

	@Override
	public void destroy() {
		this.stopping = true;
		this.background.shutdownNow();
	}

}
