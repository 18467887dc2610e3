package org.chokepoint;

import java.util.List;

import org.chokepoint.browser.BrowserLinks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Component;

/**
 * Once the application is ready, logs where everything is: the REST API, Neo4j Browser
 * with its connect string, the Bolt address and who logs in there, the health check, how
 * much the database holds, and how many data warnings the import recorded and where to
 * read them (the data report; they are no longer logged one by one). The report is made
 * first among what runs when the application is ready, and logged when it reports itself
 * ready (after the warm-up, {@code HttpWarmUp}): made last, its three Cypher queries left
 * the JIT compiling Neo4j's parser and planner while an analyst's first questions ran.
 */
@Component
class StartupReport {

	private static final Logger log = LoggerFactory.getLogger(StartupReport.class);

	private final BrowserLinks links;

	private final Neo4jClient client;

	private final Environment environment;

	/** The report made when the application became ready, until it is logged. */
	private volatile List<String> made;

	StartupReport(BrowserLinks links, Neo4jClient client, Environment environment) {
		this.links = links;
		this.client = client;
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	@Order(Ordered.HIGHEST_PRECEDENCE)
	void ready(ApplicationReadyEvent event) {
		// the command line import has no web server, and prints its own report
		if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
			this.made = lines(web.getWebServer().getPort());
		}
	}

	@EventListener
	void readiness(AvailabilityChangeEvent<ReadinessState> event) {
		List<String> lines = this.made;
		if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC && lines != null) {
			this.made = null;
			log.info("Chokepoint is ready:\n{}", String.join("\n", lines));
		}
	}

	/** The report's lines for an application listening on the given HTTP port. */
	List<String> lines(int port) {
		String host = this.environment.getProperty("server.address", "localhost");
		String base = "http://" + host + ":" + port + this.environment.getProperty("server.servlet.context-path", "");
		String actuator = this.environment.getProperty("management.endpoints.web.base-path", "/actuator");
		// both counts come from Neo4j's count store: constant time whatever the size of
		// the graph
		long nodes = count("MATCH (n) RETURN count(n) AS count");
		long relationships = count("MATCH ()-[r]->() RETURN count(r) AS count");
		long warnings = count(
				"OPTIONAL MATCH (v:DataVersion {key: 'current'}) RETURN size(coalesce(v.warnings, [])) AS count");
		String login = this.links.username() == null ? "no authentication" : "user " + this.links.username()
				+ ", the password of NEO4J_PASSWORD (spring.neo4j.authentication.password)";
		return List.of("  REST API       " + base + "/api (e.g. " + base + "/api/minerals)",
				"  OpenAPI        " + base + "/v3/api-docs, Swagger UI " + base + "/swagger-ui.html",
				"  Neo4j Browser  " + base + this.links.startPath(base),
				"  Bolt           " + this.links.boltDirect() + " (" + login + ")",
				"  Health         " + base + actuator + "/health",
				"  Database       " + nodes + " nodes, " + relationships + " relationships",
				"  Data warnings  " + warnings + " (what the import found odd but loaded): " + base
						+ "/api/data/report?section=data-warnings");
	}

	private long count(String query) {
		return this.client.query(query).fetchAs(Long.class).one().orElse(0L);
	}

}
