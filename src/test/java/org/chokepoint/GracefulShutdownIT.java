package org.chokepoint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.chokepoint.ChokepointApplication;
import org.chokepoint.database.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Graceful shutdown ({@code server.shutdown=graceful}): a request running when shutdown
 * starts finishes, database read included, while new connections are refused; the
 * database closes after it. Synchronised by latches and a bounded poll, no sleeps.
 */
class GracefulShutdownIT {

	static final CountDownLatch entered = new CountDownLatch(1);

	static final CountDownLatch release = new CountDownLatch(1);

	@TempDir
	Path work;

	@Test
	void aRequestInFlightWhenShutdownStartsCompletesWithItsDatabaseRead() throws Exception {
		ConfigurableApplicationContext application = new SpringApplicationBuilder(ChokepointApplication.class,
				InFlightController.class)
			.run("--server.port=0", "--chokepoint.import.on-startup=false",
					"--chokepoint.embedded.data-dir=" + this.work.resolve("db"));
		int port = ((WebServerApplicationContext) application).getWebServer().getPort();
		EmbeddedNeo4j database = application.getBean(EmbeddedNeo4j.class);
		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

		CompletableFuture<HttpResponse<String>> inFlight = http.sendAsync(
				HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/test/in-flight")).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(entered.await(60, TimeUnit.SECONDS)).as("the request reached the controller").isTrue();

		CompletableFuture<Void> shutdown = CompletableFuture.runAsync(application::close);
		// shutdown has started: the web server takes no new connections (a new client, no
		// pooled one)
		await().atMost(Duration.ofSeconds(60)).until(() -> refused(port));
		assertThat(inFlight).isNotDone();
		assertThat(shutdown).isNotDone();

		release.countDown();
		HttpResponse<String> response = inFlight.get(60, TimeUnit.SECONDS);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).isEqualTo("read 1 from the database");
		shutdown.get(60, TimeUnit.SECONDS);
		assertThat(application.isActive()).isFalse();
		// and the database closed after it: its Bolt port no longer answers
		assertThatThrownBy(() -> new java.net.Socket("127.0.0.1", database.boltPort()).close())
			.isInstanceOf(ConnectException.class);
	}

	private static boolean refused(int port) throws InterruptedException {
		try {
			HttpClient.newBuilder()
				.connectTimeout(Duration.ofSeconds(5))
				.build()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/health")).build(),
						HttpResponse.BodyHandlers.discarding());
			return false;
		}
		catch (IOException ex) {
			return true;
		}
	}

	/** Holds its request until the test releases it, then reads from the database. */
	@RestController
	static class InFlightController {

		private final Driver driver;

		InFlightController(Driver driver) {
			this.driver = driver;
		}

		@GetMapping("/test/in-flight")
		String inFlight() throws InterruptedException {
			entered.countDown();
			if (!release.await(60, TimeUnit.SECONDS)) {
				return "never released";
			}
			long one = this.driver.executableQuery("RETURN 1 AS one").execute().records().get(0).get("one").asLong();
			return "read " + one + " from the database";
		}

	}

}
