package org.chokepoint.database;

import java.net.InetAddress;
import java.net.UnknownHostException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The password of the embedded database, from
 * {@code spring.neo4j.authentication.password} ({@code NEO4J_PASSWORD}). Unset, a
 * documented default ({@value #DEFAULT}) serves on a loopback address, where only this
 * machine can connect, with a warning; on any other address the default, Neo4j's own
 * initial password, an empty one or one Neo4j would refuse (shorter than
 * {@value #MINIMUM_LENGTH} characters) stop the start-up with what to set.
 */
public final class Neo4jPassword {

	/** The password used on a loopback address when none is configured. */
	public static final String DEFAULT = "chokepoint";

	/** Neo4j's {@code dbms.security.auth_minimum_password_length} default. */
	static final int MINIMUM_LENGTH = 8;

	private static final Logger log = LoggerFactory.getLogger(Neo4jPassword.class);

	private Neo4jPassword() {
	}

	/**
	 * The password to set and connect with.
	 * @param host the address Bolt listens on ({@code chokepoint.embedded.host})
	 * @param configured {@code spring.neo4j.authentication.password}, possibly null or
	 * empty
	 * @throws IllegalStateException when the password would leave a network-reachable
	 * database open to guessing, or Neo4j would refuse it
	 */
	public static String resolve(String host, String configured) {
		boolean unset = configured == null || configured.isEmpty();
		boolean guessable = unset || DEFAULT.equals(configured) || "neo4j".equals(configured) || configured.isBlank();
		if (!isLoopback(host) && guessable) {
			throw new IllegalStateException("Refusing to start: Bolt would listen on chokepoint.embedded.host=" + host
					+ ", which is not a loopback address, with "
					+ (unset ? "no Neo4j password configured" : "a default Neo4j password")
					+ ", so anyone on the network could read and change the database. Set NEO4J_PASSWORD"
					+ " (spring.neo4j.authentication.password) to a password of at least " + MINIMUM_LENGTH
					+ " characters other than '" + DEFAULT + "' and 'neo4j', or listen on 127.0.0.1.");
		}
		if (unset) {
			log.warn("No Neo4j password configured: using the default password '{}', acceptable only because Bolt"
					+ " listens on the loopback address {}. Set NEO4J_PASSWORD (spring.neo4j.authentication.password)"
					+ " to choose your own.", DEFAULT, host);
			return DEFAULT;
		}
		if (configured.length() < MINIMUM_LENGTH) {
			throw new IllegalStateException("Refusing to start: the Neo4j password (NEO4J_PASSWORD,"
					+ " spring.neo4j.authentication.password) has " + configured.length()
					+ " characters; Neo4j needs at least " + MINIMUM_LENGTH + ".");
		}
		if (guessable) {
			log.warn("The Neo4j password is the default '{}': acceptable only because Bolt listens on the loopback"
					+ " address {}. Set NEO4J_PASSWORD (spring.neo4j.authentication.password) to choose your own.",
					configured, host);
		}
		return configured;
	}

	/** Whether the address is a loopback one (an unknown host name is not). */
	static boolean isLoopback(String host) {
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
