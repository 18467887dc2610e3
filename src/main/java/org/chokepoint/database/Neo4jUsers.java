package org.chokepoint.database;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.internal.kernel.api.connectioninfo.ClientConnectionInfo;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.io.layout.Neo4jLayout;
import org.neo4j.internal.kernel.api.security.AuthenticationResult;
import org.neo4j.kernel.api.security.AuthManager;
import org.neo4j.kernel.api.security.AuthToken;
import org.neo4j.kernel.api.security.exception.InvalidAuthTokenException;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * Makes the configured password the one the database checks: configuration is the source
 * of truth, so changing {@code spring.neo4j.authentication.password} and restarting is
 * all a password change takes, and a store that holds another password (Neo4j's initial
 * {@code neo4j}, or an older setting) never locks the application out. Runs in process,
 * through the system database, where Neo4j applies no authentication.
 */
final class Neo4jUsers {

	private static final Logger log = LoggerFactory.getLogger(Neo4jUsers.class);

	private final DatabaseManagementService service;

	Neo4jUsers(DatabaseManagementService service) {
		this.service = service;
	}

	/**
	 * Sets the password of Neo4j's initial user {@code neo4j} in a home whose DBMS has
	 * never started, as {@code neo4j-admin dbms set-initial-password} does, so that Bolt
	 * never accepts Neo4j's initial password, not even for the moment between its start
	 * and {@link #ensurePassword} (and not for {@code neo4j} when the application
	 * connects as another user). A home that already holds a system database is left
	 * alone ({@link #ensurePassword} applies there).
	 */
	static void setInitialPassword(Path home, String password) {
		if (Files.exists(
				Neo4jLayout.of(home).databaseLayout(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).databaseDirectory())) {
			return;
		}
		ByteArrayOutputStream output = new ByteArrayOutputStream();
		PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
		int code = new CommandLine(new SetInitialPasswordCommand(
				new ExecutionContext(home, home.resolve("conf"), out, out, new DefaultFileSystemAbstraction())))
			.execute(password);
		if (code != 0) {
			throw new IllegalStateException(
					"Could not set the initial Neo4j password: " + output.toString(StandardCharsets.UTF_8).strip());
		}
	}

	/**
	 * Sets the user's password (creating the user if needed) unless it already is this
	 * one. When the application connects as another user, Neo4j's initial user
	 * {@code neo4j}, if it still waits for its first password change (a store made with
	 * authentication off), gets the same password: else anyone could log in with
	 * {@code neo4j}/{@code neo4j} and choose one.
	 */
	void ensurePassword(String username, String password) {
		if (!"neo4j".equals(username) && initialUserWaitsForItsPassword()) {
			this.service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
				.executeTransactionally("ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
						Map.of("password", password));
			log.info("Neo4j user 'neo4j': still had Neo4j's initial password, now has the configured one");
		}
		AuthenticationResult result = check(username, password);
		if (result == AuthenticationResult.SUCCESS) {
			log.info("Neo4j user '{}': the stored password is the configured one", username);
			return;
		}
		GraphDatabaseService system = this.service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
		boolean exists = system.executeTransactionally("SHOW USERS YIELD user WHERE user = $name RETURN count(*) AS n",
				Map.of("name", username), rows -> ((Number) rows.next().get("n")).longValue() > 0);
		String command = exists ? "ALTER USER $name SET PASSWORD $password CHANGE NOT REQUIRED"
				: "CREATE USER $name SET PASSWORD $password CHANGE NOT REQUIRED";
		system.executeTransactionally(command, Map.of("name", username, "password", password));
		log.info("Neo4j user '{}': {} the configured password ({})", username, exists ? "changed to" : "created with",
				result == AuthenticationResult.PASSWORD_CHANGE_REQUIRED ? "the store held Neo4j's initial password"
						: "the store held another one");
	}

	private boolean initialUserWaitsForItsPassword() {
		return this.service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME)
			.executeTransactionally(
					"SHOW USERS YIELD user, passwordChangeRequired"
							+ " WHERE user = 'neo4j' AND passwordChangeRequired RETURN count(*) AS n",
					Map.of(), rows -> ((Number) rows.next().get("n")).longValue() > 0);
	}

	/**
	 * Whether Neo4j would let the user in with this password, as a Bolt login would be
	 * checked.
	 */
	private AuthenticationResult check(String username, String password) {
		AuthManager auth = ((GraphDatabaseAPI) this.service.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME))
			.getDependencyResolver()
			.resolveDependency(AuthManager.class);
		try {
			return auth
				.login(AuthToken.newBasicAuthToken(username, password.getBytes(StandardCharsets.UTF_8)),
						ClientConnectionInfo.EMBEDDED_CONNECTION)
				.subject()
				.getAuthenticationResult();
		}
		catch (InvalidAuthTokenException ex) {
			throw new IllegalStateException(
					"Neo4j refused the configured user name '" + username + "': " + ex.getMessage(), ex);
		}
	}

}
