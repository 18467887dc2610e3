package org.chokepoint.database;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import org.springframework.core.io.ClassPathResource;

/**
 * A query of {@code cypher/queries/}, loaded from the classpath: the service runs the
 * same text a user pastes into Neo4j Browser, so the two can't drift.
 */
public final class CypherFile {

	private CypherFile() {
	}

	/** The text of {@code cypher/queries/<name>.cypher}. */
	public static String load(String name) {
		ClassPathResource resource = new ClassPathResource("cypher/queries/" + name + ".cypher");
		try {
			return resource.getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Missing query file cypher/queries/" + name + ".cypher", ex);
		}
	}

}
