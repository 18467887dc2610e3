package org.chokepoint.browser;

import java.net.URI;
import java.util.Map;

import org.neo4j.driver.AuthTokens;

import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.neo4j.autoconfigure.Neo4jProperties;
import org.springframework.stereotype.Component;

/**
 * Where the database is, for Neo4j Browser and for people: the Bolt address the application's
 * own driver uses (the embedded connector, or {@code spring.neo4j.uri} for an external database),
 * as a direct ({@code bolt://}) and a routing ({@code neo4j://}) address, and the Browser path that
 * connects to it.
 */
@Component
public class BrowserLinks {

	/** The Browser's entry page, relative to the application's root. */
	public static final String BROWSER_PATH = "/browser/";

	private static final Map<String, String> DIRECT = Map.of("neo4j", "bolt", "neo4j+s", "bolt+s", "neo4j+ssc",
			"bolt+ssc");

	private static final Map<String, String> ROUTING = Map.of("bolt", "neo4j", "bolt+s", "neo4j+s", "bolt+ssc",
			"neo4j+ssc");

	private final URI uri;

	private final boolean authEnabled;

	private final String username;

	BrowserLinks(Neo4jConnectionDetails connection, Neo4jProperties properties) {
		this.uri = connection.getUri();
		this.authEnabled = !AuthTokens.none().equals(connection.getAuthToken());
		this.username = properties.getAuthentication().getUsername();
	}

	/** The direct address, e.g. {@code bolt://127.0.0.1:7687}. */
	public URI boltDirect() {
		return withScheme(DIRECT.getOrDefault(this.uri.getScheme(), this.uri.getScheme()));
	}

	/** The routing address, e.g. {@code neo4j://127.0.0.1:7687}. */
	public URI boltRouting() {
		return withScheme(ROUTING.getOrDefault(this.uri.getScheme(), this.uri.getScheme()));
	}

	/**
	 * The Browser's path with its connect string: without authentication it connects by itself;
	 * with it, the form is filled in but for the password.
	 */
	public String connectPath() {
		if (!this.authEnabled) {
			return BROWSER_PATH + "?dbms=" + boltDirect() + "&preselectAuthMethod=NO_AUTH";
		}
		URI routing = boltRouting();
		return BROWSER_PATH + "?dbms=" + routing.getScheme() + "://" + this.username + "@" + routing.getHost() + ":"
				+ port();
	}

	private URI withScheme(String scheme) {
		return URI.create(scheme + "://" + this.uri.getHost() + ":" + port());
	}

	private int port() {
		return this.uri.getPort() == -1 ? 7687 : this.uri.getPort();
	}

}
