package org.chokepoint.database;

import java.net.URI;

import org.neo4j.driver.AuthToken;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.neo4j.autoconfigure.Neo4jConnectionDetails;
import org.springframework.boot.neo4j.autoconfigure.Neo4jProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Starts the embedded Neo4j (unless {@code chokepoint.embedded.enabled=false}) and points
 * Spring Boot's driver, and with it Spring Data Neo4j, at its Bolt connector with its
 * credentials. With embedded off, Boot's own {@code spring.neo4j.*} settings decide where
 * the database is.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(prefix = "chokepoint.embedded", name = "enabled", havingValue = "true", matchIfMissing = true)
class EmbeddedNeo4jConfiguration {

	@Bean(destroyMethod = "close")
	EmbeddedNeo4j embeddedNeo4j(EmbeddedNeo4jProperties properties, Neo4jProperties neo4jProperties) {
		Neo4jProperties.Authentication authentication = neo4jProperties.getAuthentication();
		return EmbeddedNeo4j.start(properties, authentication.getUsername(), authentication.getPassword());
	}

	@Bean
	Neo4jConnectionDetails neo4jConnectionDetails(EmbeddedNeo4j database) {
		URI uri = database.boltUri();
		AuthToken token = database.authToken();
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

}
