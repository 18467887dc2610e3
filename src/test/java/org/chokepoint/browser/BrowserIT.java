package org.chokepoint.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chokepoint.ApiTestBase;
import org.chokepoint.ChokepointTest;
import org.chokepoint.database.EmbeddedNeo4j;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

@ChokepointTest(properties = "chokepoint.import.on-startup=false")
class BrowserIT extends ApiTestBase {

	@Autowired
	EmbeddedNeo4j database;

	@Autowired
	org.neo4j.driver.Driver driver;

	@Test
	void servesTheBrowsersIndexHtmlFromItsJar() throws IOException {
		HttpResponse<String> response = this.api.get("/browser/?dbms=bolt://neo4j@127.0.0.1:7687", "text/html");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
		String index = new ClassPathResource("browser/index.html").getContentAsString(StandardCharsets.UTF_8);
		assertThat(response.body()).isEqualTo(index).contains("<title>Neo4j Browser</title>");
	}

	@Test
	void servesTheScriptsTheIndexLoads() {
		String index = this.api.get("/browser/index.html", "text/html").body();
		Matcher scripts = Pattern.compile("src=\"([^\"]+\\.js)\"").matcher(index);
		int found = 0;
		while (scripts.find()) {
			HttpResponse<String> script = this.api.get("/browser/" + scripts.group(1), "*/*");
			assertThat(script.statusCode()).as(scripts.group(1)).isEqualTo(200);
			assertThat(script.body()).isNotEmpty();
			found++;
		}
		assertThat(found).isEqualTo(4);
	}

	@Test
	void redirectsBrowserWithoutSlashToTheIndex() {
		HttpResponse<String> response = this.api.get("/browser", "text/html");
		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location"))
			.hasValueSatisfying(location -> assertThat(location).endsWith("/browser/"));
	}

	@Test
	void redirectsBareBrowserToTheStartLinkForTheHostNameTheUserCameBy() throws Exception {
		for (String host : List.of("localhost", "127.0.0.1")) {
			String base = "http://" + host + ":" + this.port;
			HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
				.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/browser/")).build(),
						HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(host).isEqualTo(302);
			// the connect form with address and user, and our guide at localhost, which
			// the Browser allows whichever loopback name the page was opened at
			String location = response.headers().firstValue("Location").orElseThrow();
			assertThat(java.net.URI.create(base).resolve(location).toString()).as(host)
				.isEqualTo(base + "/browser/?dbms=bolt://neo4j@127.0.0.1:" + this.database.boltPort()
						+ "&cmd=play&arg=http%3A%2F%2Flocalhost%3A" + this.port + "%2Fguide%2Fchokepoint.html");
		}
	}

	@Test
	void keepsTheBrowserOnThisMachineByAContentSecurityPolicy() {
		for (String path : List.of("/browser/?cmd=play", "/browser/index.html")) {
			String policy = this.api.get(path, "text/html").headers().firstValue("Content-Security-Policy").orElse("");
			assertThat(policy).as(path)
				.contains("default-src 'self'")
				.contains("connect-src 'self' http://localhost:* http://127.0.0.1:*")
				.contains("ws://127.0.0.1:*")
				.doesNotContain("googleapis")
				.doesNotContain("*.");
		}
		assertThat(this.api.get("/api/minerals", "application/json").headers().firstValue("Content-Security-Policy"))
			.isEmpty();
	}

	@Test
	void answersTheBrowsersDiscoveryWithTheEmbeddedBoltAddress() {
		int bolt = this.database.boltPort();
		assertThat(bolt).isPositive();
		Map<String, Object> discovery = this.api.getOk("/", new TypeReference<Map<String, Object>>() {
		});
		assertThat(discovery).isEqualTo(Map.of("bolt_direct", "bolt://127.0.0.1:" + bolt, "bolt_routing",
				"neo4j://127.0.0.1:" + bolt, "neo4j_version", "5.26.30", "neo4j_edition", "community"));
	}

	@Test
	void answersAWebBrowserAtTheRootWithTheAtlasLinkedToNeo4jBrowsersConnectFormForUserNeo4j() {
		HttpResponse<String> response = this.api.get("/", "text/html,application/xhtml+xml,*/*;q=0.8");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html;charset=UTF-8");
		assertThat(response.body()).contains("<title>Chokepoint atlas</title>")
			.contains("data-browser=\"/browser/?dbms=bolt://neo4j@127.0.0.1:" + this.database.boltPort() + "\"");
	}

	@Test
	void servesTheBrowserQueriesTheAtlasLinksToAndNothingElse() throws IOException {
		HttpResponse<String> chain = this.api.get("/atlas/queries/chain.cypher", "text/plain");
		assertThat(chain.statusCode()).isEqualTo(200);
		assertThat(chain.body())
			.isEqualTo(new ClassPathResource("cypher/queries/chain.cypher").getContentAsString(StandardCharsets.UTF_8));
		assertThat(this.api.get("/atlas/queries/nothing-here.cypher", "text/plain").statusCode()).isEqualTo(404);
		assertThat(this.api.get("/atlas/queries/V0001.cypher", "text/plain").statusCode()).isEqualTo(404);
	}

	@Test
	void namesTheGuideAtLocalhostForALoopbackAddressAndAtTheHostOtherwise() {
		assertThat(BrowserLinks.guideUrl("http://127.0.0.1:8080"))
			.isEqualTo("http://localhost:8080/guide/chokepoint.html");
		assertThat(BrowserLinks.guideUrl("http://[::1]:8080")).isEqualTo("http://localhost:8080/guide/chokepoint.html");
		assertThat(BrowserLinks.guideUrl("http://localhost:8080"))
			.isEqualTo("http://localhost:8080/guide/chokepoint.html");
		assertThat(BrowserLinks.guideUrl("http://analyst.example:9000/kb"))
			.isEqualTo("http://analyst.example:9000/kb/guide/chokepoint.html");
	}

	@Test
	void letsTheBrowserFetchTheGuideFromAnotherOrigin() throws Exception {
		java.net.http.HttpRequest preflight = java.net.http.HttpRequest
			.newBuilder(this.api.base().resolve("/guide/chokepoint.html"))
			.method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody())
			.header("Origin", "http://127.0.0.1:" + this.port)
			.header("Access-Control-Request-Method", "GET")
			.header("Access-Control-Request-Headers", "cache-control,pragma")
			.build();
		HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
			.send(preflight, HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).contains("*");
	}

	@Test
	void tellsTheBrowserToAllowTheGuidesHostsAndToSendNoUsageData() {
		Map<String, Object> settings = new java.util.HashMap<>();
		try (org.neo4j.driver.Session system = this.driver
			.session(org.neo4j.driver.SessionConfig.forDatabase("system"))) {
			system.run("CALL dbms.clientConfig()")
				.forEachRemaining(row -> settings.put(row.get("name").asString(), row.get("value").asObject()));
		}
		assertThat(settings)
			.containsEntry("browser.remote_content_hostname_whitelist", "guides.neo4j.com,localhost,127.0.0.1")
			.containsEntry("client.allow_telemetry", "false");
	}

}
