package org.chokepoint.database;

import java.net.URI;
import java.util.Map;

import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.neo4j.autoconfigure.Neo4jProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded Neo4j (unless {@code chokepoint.embedded.enabled=false}) and points Spring
 * Boot's driver, and with it Spring Data Neo4j, at its Bolt connector. With embedded off, Boot's
 * own {@code spring.neo4j.*} settings decide where the database is.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "chokepoint.embedded", name = "enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedNeo4jConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jProperties properties, Neo4jProperties neo4jProperties) {
		EmbeddedNeo4j database = EmbeddedNeo4j.start(properties);
		if (properties.authEnabled()) {
			setPassword(database, neo4jProperties.getAuthentication());
		}
		return database;
	}

	@Bean
	Neo4jConnectionDetails neo4jConnectionDetails(EmbeddedNeo4j database, EmbeddedNeo4jProperties properties,
			Neo4jProperties neo4jProperties) {
		URI uri = database.boltUri();
		AuthToken token = properties.authEnabled()
				? AuthTokens.basic(neo4jProperties.getAuthentication().getUsername(),
						neo4jProperties.getAuthentication().getPassword())
				: AuthTokens.none();
		return new Neo4jConnectionDetails() {
			@Override
			public URI getUri() {
				return uri;
			}

			@Override
			public AuthToken getAuthToken() {
				return token;
			}
		};
	}

	private static void setPassword(EmbeddedNeo4j database, Neo4jProperties.Authentication authentication) {
		String password = authentication.getPassword();
		if (password == null || password.isBlank() || "neo4j".equals(password)) {
			throw new IllegalStateException("chokepoint.embedded.auth-enabled=true needs a password other than"
					+ " the default: set spring.neo4j.authentication.password (or NEO4J_PASSWORD)");
		}
		database.managementService()
			.database("system")
			.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
					Map.of("password", password));
	}

}
