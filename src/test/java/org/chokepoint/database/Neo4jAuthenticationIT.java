package org.chokepoint.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;

import org.chokepoint.ChokepointApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;
import org.neo4j.driver.exceptions.AuthenticationException;

import org.springframework.util.unit.DataSize;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Authentication of the embedded database: on by default, the password from
 * configuration, the loopback-only default, refusals on a network address, and
 * configuration winning over the store. Each test starts its own embedded Neo4j (as the
 * application does) in a throwaway directory.
 */
@ExtendWith(OutputCaptureExtension.class)
class Neo4jAuthenticationIT {

	@TempDir
	Path work;

	@Test
	void isOnByDefault() {
		EmbeddedNeo4jProperties defaults = new org.springframework.boot.context.properties.bind.Binder()
			.bindOrCreate("chokepoint.embedded", EmbeddedNeo4jProperties.class);
		assertThat(defaults.authEnabled()).isTrue();
		assertThat(defaults.host()).isEqualTo("127.0.0.1");
	}

	@Test
	void onLoopbackWithoutAPasswordUsesTheDocumentedDefaultAndSaysSo(CapturedOutput output) {
		try (EmbeddedNeo4j database = EmbeddedNeo4j.start(properties("127.0.0.1", "db"), "neo4j", "")) {
			assertThat(database.authToken()).isEqualTo(AuthTokens.basic("neo4j", Neo4jPassword.DEFAULT));
			assertThat(countries(database, AuthTokens.basic("neo4j", "chokepoint"))).isZero();
			// Neo4j's initial password never works: it was replaced before Bolt opened
			assertRefused(database, AuthTokens.basic("neo4j", "neo4j"));
		}
		assertThat(output).contains("No Neo4j password configured: using the default password 'chokepoint', acceptable"
				+ " only because Bolt listens on the loopback address 127.0.0.1. Set NEO4J_PASSWORD");
	}

	@Test
	void refusesBoltWithoutCredentialsOrWithWrongOnes() {
		try (EmbeddedNeo4j database = EmbeddedNeo4j.start(properties("127.0.0.1", "db"), "neo4j", "s3cret-pass")) {
			assertThat(countries(database, AuthTokens.basic("neo4j", "s3cret-pass"))).isZero();
			assertRefused(database, AuthTokens.none());
			assertRefused(database, AuthTokens.basic("neo4j", "s3cret-pasS"));
			assertRefused(database, AuthTokens.basic("neo4j", ""));
		}
	}

	@Test
	void refusesToStartOnANetworkAddressWithTheDefaultOrAnEmptyPassword() {
		for (String password : new String[] { null, "", "chokepoint", "neo4j", "        " }) {
			assertThatThrownBy(() -> EmbeddedNeo4j.start(properties("0.0.0.0", "open"), "neo4j", password))
				.as("password %s", password)
				.isInstanceOf(IllegalStateException.class)
				.hasMessageStartingWith(
						"Refusing to start: Bolt would listen on chokepoint.embedded.host=0.0.0.0, which is"
								+ " not a loopback address, with ")
				.hasMessageContaining("so anyone on the network could read and change the database. Set NEO4J_PASSWORD"
						+ " (spring.neo4j.authentication.password) to a password of at least 8 characters other than"
						+ " 'chokepoint' and 'neo4j', or listen on 127.0.0.1.");
		}
		// refused before anything was written
		assertThat(this.work.resolve("open")).doesNotExist();
	}

	@Test
	void theApplicationRefusesToStartOnANetworkAddressWithoutAPasswordAndSaysWhy() {
		assertThatThrownBy(() -> new SpringApplicationBuilder(ChokepointApplication.class).run("--server.port=0",
				"--chokepoint.embedded.host=0.0.0.0", "--spring.neo4j.authentication.password=",
				"--chokepoint.embedded.data-dir=" + this.work.resolve("app")))
			.rootCause()
			.isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("chokepoint.embedded.host=0.0.0.0, which is not a loopback address, with no Neo4j"
					+ " password configured")
			.hasMessageContaining("Set NEO4J_PASSWORD (spring.neo4j.authentication.password)");
	}

	@Test
	void refusesAPasswordNeo4jWouldRefuse() {
		assertThatThrownBy(() -> EmbeddedNeo4j.start(properties("127.0.0.1", "short"), "neo4j", "abc123"))
			.isInstanceOf(IllegalStateException.class)
			.hasMessage("Refusing to start: the Neo4j password (NEO4J_PASSWORD, spring.neo4j.authentication.password)"
					+ " has 6 characters; Neo4j needs at least 8.");
	}

	@Test
	void startsOnANetworkAddressWithAPasswordOfItsOwn() {
		try (EmbeddedNeo4j database = EmbeddedNeo4j.start(properties("0.0.0.0", "db"), "neo4j",
				"a-long-own-password")) {
			assertThat(countries(database, AuthTokens.basic("neo4j", "a-long-own-password"))).isZero();
			assertRefused(database, AuthTokens.none());
		}
	}

	@Test
	void aChangedPasswordInTheConfigurationReplacesTheStoredOneAtTheNextStart(CapturedOutput output) {
		try (EmbeddedNeo4j database = EmbeddedNeo4j.start(properties("127.0.0.1", "db"), "neo4j", "first-password")) {
			try (Driver driver = GraphDatabase.driver(database.boltUri(),
					AuthTokens.basic("neo4j", "first-password"))) {
				driver.executableQuery("CREATE (:Country {iso3: 'CHN'})").execute();
			}
		}
		// the same store, started again with the same password: nothing to change
		try (EmbeddedNeo4j database = EmbeddedNeo4j.start(properties("127.0.0.1", "db"), "neo4j", "first-password")) {
			assertThat(countries(database, AuthTokens.basic("neo4j", "first-password"))).isEqualTo(1);
		}
		assertThat(output).contains("Neo4j user 'neo4j': the stored password is the configured one");
		// and with another: no manual step, the old one stops working, the data is still
		// there
		try (EmbeddedNeo4j database = EmbeddedNeo4j.start(properties("127.0.0.1", "db"), "neo4j", "second-password")) {
			assertThat(countries(database, AuthTokens.basic("neo4j", "second-password"))).isEqualTo(1);
			assertRefused(database, AuthTokens.basic("neo4j", "first-password"));
		}
		assertThat(output)
			.contains("Neo4j user 'neo4j': changed to the configured password (the store held another one)");
	}

	@Test
	void aStoreMadeWithoutAuthenticationGetsTheConfiguredPasswordWhenAuthenticationIsTurnedOn() {
		EmbeddedNeo4jProperties open = new EmbeddedNeo4jProperties(true, "127.0.0.1", 0, this.work.resolve("db"), false,
				"16m", Duration.ZERO, null, DataSize.ofMegabytes(256), Duration.ofMillis(500));
		try (EmbeddedNeo4j database = EmbeddedNeo4j.start(open, "neo4j", "")) {
			assertThat(database.authToken()).isEqualTo(AuthTokens.none());
			assertThat(countries(database, AuthTokens.none())).isZero();
		}
		// the store's system database holds Neo4j's initial password by now: replaced at
		// this start
		try (EmbeddedNeo4j database = EmbeddedNeo4j.start(properties("127.0.0.1", "db"), "neo4j", "now-secured")) {
			assertThat(countries(database, AuthTokens.basic("neo4j", "now-secured"))).isZero();
			assertRefused(database, AuthTokens.none());
			assertRefused(database, AuthTokens.basic("neo4j", "neo4j"));
		}
	}

	@Test
	void onAStoreMadeWithoutAuthenticationNeo4jsInitialPasswordStopsWorkingAlsoWhenConnectingAsAnotherUser() {
		EmbeddedNeo4jProperties open = new EmbeddedNeo4jProperties(true, "127.0.0.1", 0, this.work.resolve("db"), false,
				"16m", Duration.ZERO, null, DataSize.ofMegabytes(256), Duration.ofMillis(500));
		try (EmbeddedNeo4j database = EmbeddedNeo4j.start(open, "neo4j", "")) {
			assertThat(countries(database, AuthTokens.none())).isZero();
		}
		try (EmbeddedNeo4j database = EmbeddedNeo4j.start(properties("127.0.0.1", "db"), "analyst",
				"analyst-password")) {
			assertThat(countries(database, AuthTokens.basic("analyst", "analyst-password"))).isZero();
			assertRefused(database, AuthTokens.basic("neo4j", "neo4j"));
		}
	}

	@Test
	void anotherConfiguredUserIsCreatedWithThePasswordAndNeo4jsInitialPasswordNeverWorks() {
		try (EmbeddedNeo4j database = EmbeddedNeo4j.start(properties("127.0.0.1", "db"), "analyst",
				"analyst-password")) {
			assertThat(countries(database, AuthTokens.basic("analyst", "analyst-password"))).isZero();
			assertRefused(database, AuthTokens.basic("neo4j", "neo4j"));
		}
	}

	private EmbeddedNeo4jProperties properties(String host, String dir) {
		return new EmbeddedNeo4jProperties(true, host, 0, this.work.resolve(dir), true, "16m", Duration.ZERO, null,
				DataSize.ofMegabytes(256), Duration.ofMillis(500));
	}

	private static long countries(EmbeddedNeo4j database, AuthToken token) {
		try (Driver driver = GraphDatabase.driver(database.boltUri(), token)) {
			return driver.executableQuery("MATCH (c:Country) RETURN count(c) AS n")
				.execute()
				.records()
				.get(0)
				.get("n")
				.asLong();
		}
	}

	private static void assertRefused(EmbeddedNeo4j database, AuthToken token) {
		try (Driver driver = GraphDatabase.driver(database.boltUri(), token)) {
			assertThatThrownBy(driver::verifyConnectivity).as("connecting with %s", token)
				.isInstanceOf(AuthenticationException.class);
		}
	}

}
