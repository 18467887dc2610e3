package org.chokepoint.browser;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.neo4j.driver.AuthTokens;

import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.neo4j.autoconfigure.Neo4jProperties;
import org.springframework.stereotype.Component;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Where the database is, for Neo4j Browser and for people: the Bolt address the
 * application's own driver uses (the embedded connector, or {@code spring.neo4j.uri} for
 * an external database), as a direct ({@code bolt://}) and a routing ({@code neo4j://})
 * address, and the Browser path that connects to it.
 */
@Component
public class BrowserLinks {

	/** The Browser's entry page, relative to the application's root. */
	public static final String BROWSER_PATH = "/browser/";

	/** The Browser guide ({@code :play} it), relative to the application's root. */
	public static final String GUIDE_PATH = "/guide/chokepoint.html";

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

	/**
	 * The user Neo4j Browser logs in as, or null when the database checks no credentials.
	 */
	public String username() {
		return this.authEnabled ? this.username : null;
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
	 * The Browser's path with its connect string: without authentication it connects by
	 * itself; with it (the default), its connect form opens with the address and the user
	 * name filled in, and asks for the password
	 * ({@code spring.neo4j.authentication.password}).
	 */
	public String connectPath() {
		if (!this.authEnabled) {
			return BROWSER_PATH + "?dbms=" + boltDirect() + "&preselectAuthMethod=NO_AUTH";
		}
		URI direct = boltDirect();
		return BROWSER_PATH + "?dbms=" + direct.getScheme() + "://"
				+ URLEncoder.encode(this.username, StandardCharsets.UTF_8) + "@" + direct.getHost() + ":" + port();
	}

	/**
	 * The Browser's path that connects (see {@link #connectPath()}) and plays the guide:
	 * the guide's address names a loopback host as {@code localhost}, the one loopback
	 * name in the Browser's default allow-list for remote guides, which applies until the
	 * Browser has read the server's.
	 * @param base the application's root as the client reached it, e.g.
	 * {@code http://127.0.0.1:8080}
	 */
	public String startPath(String base) {
		return connectPath() + "&cmd=play&arg=" + URLEncoder.encode(guideUrl(base), StandardCharsets.UTF_8);
	}

	/**
	 * The guide's address under {@code base}, a loopback host named {@code localhost}.
	 */
	public static String guideUrl(String base) {
		String host = URI.create(base).getHost();
		boolean loopback = "127.0.0.1".equals(host) || "[::1]".equals(host);
		String root = loopback ? UriComponentsBuilder.fromUriString(base).host("localhost").toUriString() : base;
		return root + GUIDE_PATH;
	}

	private URI withScheme(String scheme) {
		return URI.create(scheme + "://" + this.uri.getHost() + ":" + port());
	}

	private int port() {
		return this.uri.getPort() == -1 ? 7687 : this.uri.getPort();
	}

}
