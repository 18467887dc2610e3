package org.chokepoint.browser;

import java.net.URI;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * {@code GET /}: for Neo4j Browser (asking for JSON), where the database is; for anyone else, for
 * now, a redirect into the Browser, connected.
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

	// the landing page is another issue's; until then the root leads into the Browser, playing the guide
	@GetMapping("/")
	ResponseEntity<Void> toBrowser() {
		String root = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
		return ResponseEntity.status(HttpStatus.FOUND).location(URI.create(root + this.links.startPath(root))).build();
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
			// the Browser needs the address most; it can still connect and report the problem itself
			log.warn("Could not read the database's version for the Browser: {}", ex.getMessage());
			return Optional.empty();
		}
	}

	private record Server(String version, String edition) {
	}

}
