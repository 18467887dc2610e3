package org.chokepoint.database;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.driver.AuthToken;
import org.neo4j.driver.AuthTokens;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.server.configuration.ServerSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Neo4j database running in this JVM, reachable only over its Bolt connector.
 *
 * <p>
 * The application never uses the embedded API for data: it connects to {@link #boltUri()}
 * with the Java driver like to any other server, so the same code runs against an
 * external database.
 */
public final class EmbeddedNeo4j implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(EmbeddedNeo4j.class);

	private final DatabaseManagementService service;

	private final Path home;

	private final String host;

	private final int boltPort;

	private final AuthToken authToken;

	private EmbeddedNeo4j(DatabaseManagementService service, Path home, String host, int boltPort,
			AuthToken authToken) {
		this.service = service;
		this.home = home;
		this.host = host;
		this.boltPort = boltPort;
		this.authToken = authToken;
	}

	/**
	 * Starts a database with the given settings and waits until Bolt accepts connections.
	 * With authentication on, the configured password becomes the user's password if the
	 * store holds another one (a fresh store holds Neo4j's initial one).
	 * @param username the Neo4j user clients connect as
	 * ({@code spring.neo4j.authentication.username})
	 * @param password the configured password
	 * ({@code spring.neo4j.authentication.password}), possibly empty: see
	 * {@link Neo4jPassword#resolve(String, String)}
	 */
	public static EmbeddedNeo4j start(EmbeddedNeo4jProperties properties, String username, String password) {
		refuseOpenDatabaseOnNetwork(properties);
		String effectivePassword = properties.authEnabled() ? Neo4jPassword.resolve(properties.host(), password) : null;
		// Neo4j needs an absolute, normalized home directory
		Path home = properties.dataDir().toAbsolutePath().normalize();
		long started = System.nanoTime();
		// an interrupted restore is finished or rolled back before the store is opened
		StoreSwap.recover(home);
		if (effectivePassword != null) {
			Neo4jUsers.setInitialPassword(home, effectivePassword);
		}
		DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
			.setConfig(BoltConnector.enabled, true)
			.setConfig(BoltConnector.listen_address, new SocketAddress(properties.host(), properties.port()))
			.setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
			// the in-process "local" connector does not run on the Netty that Spring Boot
			// 4 brings
			// (stack-notes.md); only Neo4j's own HTTP server uses it, and it is not
			// started here
			.setConfig(BoltConnectorInternalSettings.enable_local_connector, false)
			.setConfig(HttpConnector.enabled, false)
			.setConfig(HttpsConnector.enabled, false)
			.setConfig(GraphDatabaseSettings.auth_enabled, properties.authEnabled())
			.setConfig(GraphDatabaseInternalSettings.netty_server_shutdown_quiet_period,
					(int) properties.shutdownQuietPeriod().toSeconds())
			.setConfig(GraphDatabaseSettings.shutdown_transaction_end_timeout, Duration.ofSeconds(10))
			// Neo4j Browser reads these through dbms.clientConfig(): remote guides from
			// these hosts
			// (the application's own guide, at either loopback name), and no usage data
			// sent, which
			// also keeps its consent banner away
			.setConfig(ServerSettings.browser_remote_content_hostname_whitelist, "guides.neo4j.com,localhost,127.0.0.1")
			.setConfig(ServerSettings.allow_telemetry, false)
			// bounds on every query: its memory, and how late its timeout may bite
			.setConfig(GraphDatabaseSettings.memory_transaction_max_size, properties.transactionMaxMemory().toBytes())
			.setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, properties.transactionCheckInterval());
		if (properties.importDir() != null) {
			builder
				.setConfig(GraphDatabaseSettings.load_csv_file_url_root,
						properties.importDir().toAbsolutePath().normalize())
				.setConfig(GraphDatabaseSettings.allow_file_urls, true);
		}
		else {
			builder.setConfig(GraphDatabaseSettings.allow_file_urls, false);
		}
		if (properties.pageCache() != null && !properties.pageCache().isBlank()) {
			builder.setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(properties.pageCache()));
		}
		DatabaseManagementService service = builder.build();
		try {
			if (effectivePassword != null) {
				new Neo4jUsers(service).ensurePassword(username, effectivePassword);
			}
		}
		catch (RuntimeException ex) {
			service.shutdown();
			throw ex;
		}
		GraphDatabaseAPI database = (GraphDatabaseAPI) service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
		int port = database.getDependencyResolver()
			.resolveDependency(ConnectorPortRegister.class)
			.getLocalAddress(ConnectorType.BOLT)
			.getPort();
		log.info("Embedded Neo4j started in {} ms, home {}, Bolt on {}:{}, authentication {}",
				(System.nanoTime() - started) / 1_000_000, home, properties.host(), port,
				effectivePassword != null ? "on (user " + username + ")" : "OFF");
		AuthToken token = effectivePassword != null ? AuthTokens.basic(username, effectivePassword) : AuthTokens.none();
		return new EmbeddedNeo4j(service, home, properties.host(), port, token);
	}

	private static void refuseOpenDatabaseOnNetwork(EmbeddedNeo4jProperties properties) {
		if (properties.authEnabled() || Neo4jPassword.isLoopback(properties.host())) {
			return;
		}
		throw new IllegalStateException("Refusing to start: chokepoint.embedded.host=" + properties.host()
				+ " is not a loopback address and chokepoint.embedded.auth-enabled=false, so anyone on the"
				+ " network could read and change the database. Listen on 127.0.0.1, or enable authentication.");
	}

	/** The address clients connect to, e.g. {@code bolt://127.0.0.1:7687}. */
	public URI boltUri() {
		String connectHost = "0.0.0.0".equals(this.host) || "::".equals(this.host) ? "127.0.0.1" : this.host;
		return URI.create("bolt://" + connectHost + ":" + this.boltPort);
	}

	public int boltPort() {
		return this.boltPort;
	}

	public Path home() {
		return this.home;
	}

	/**
	 * The credentials clients connect with: the user and its password, or none with
	 * authentication off.
	 */
	public AuthToken authToken() {
		return this.authToken;
	}

	@Override
	public void close() {
		long started = System.nanoTime();
		this.service.shutdown();
		log.info("Embedded Neo4j stopped cleanly in {} ms", (System.nanoTime() - started) / 1_000_000);
	}

}
