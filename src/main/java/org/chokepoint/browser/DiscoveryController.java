package org.chokepoint.browser;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /} asking for JSON, as Neo4j Browser does: where the database is. Anyone
 * else gets the atlas page ({@code org.chokepoint.atlas}).
 */
@RestController
class DiscoveryController {

	private static final Logger log = LoggerFactory.getLogger(DiscoveryController.class);

	private final BrowserLinks links;

	private final Neo4jClient client;

	DiscoveryController(BrowserLinks links, Neo4jClient client) {
		this.links = links;
		this.client = client;
	}

	@GetMapping(path = "/", produces = MediaType.APPLICATION_JSON_VALUE)
	Discovery discovery() {
		Optional<Server> server = server();
		return new Discovery(this.links.boltDirect().toString(), this.links.boltRouting().toString(),
				server.map(Server::version).orElse(null), server.map(Server::edition).orElse(null));
	}

	private Optional<Server> server() {
		try {
			return this.client.query("""
					CALL dbms.components()
					YIELD versions, edition
					RETURN versions[0] AS version, edition AS edition
					""")
				.fetchAs(Server.class)
				.mappedBy((types, row) -> new Server(row.get("version").asString(), row.get("edition").asString()))
				.first();
		}
		catch (DataAccessException ex) {
			// the Browser needs the address most; it can still connect and report the
			// problem itself
			log.warn("Could not read the database's version for the Browser: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	private record Server(String version, String edition) {
	}

}
