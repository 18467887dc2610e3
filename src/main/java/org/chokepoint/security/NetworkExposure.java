package org.chokepoint.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start the HTTP API open to the network without authentication. HTTP listens
 * on 127.0.0.1 by default ({@code server.address}, like Bolt); to open it
 * ({@code server.address=0.0.0.0}, or one interface's address) the write and ad-hoc
 * endpoints must need credentials: an admin password of at least 8 characters
 * ({@code chokepoint.security.admin-password}) and
 * {@code chokepoint.security.adhoc-requires-admin=true}, so that {@code /api/cypher} is
 * the admin's too. Reads and analyses stay open (rate-limited).
 */
@Component
@ConditionalOnWebApplication
class NetworkExposure {

	static final int MIN_PASSWORD_LENGTH = 8;

	NetworkExposure(Environment environment, SecurityProperties properties) {
		refusal(environment.getProperty("server.address"), properties).ifPresent(reason -> {
			throw new IllegalStateException(reason);
		});
	}

	/** Why the application may not start with HTTP on that address, or empty. */
	static Optional<String> refusal(String serverAddress, SecurityProperties properties) {
		if (isLoopback(serverAddress)) {
			return Optional.empty();
		}
		String where = (serverAddress == null || serverAddress.isBlank()) ? "every interface (server.address is empty)"
				: "server.address=" + serverAddress + ", not a loopback address";
		String password = properties.adminPassword();
		if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
			return Optional
				.of("Refusing to start: HTTP would listen on " + where + ", but chokepoint.security.admin-password is "
						+ (password == null || password.isEmpty() ? "not set"
								: "shorter than " + MIN_PASSWORD_LENGTH + " characters")
						+ ", so the write endpoints would be open to the network. Set an admin password of at least "
						+ MIN_PASSWORD_LENGTH
						+ " characters and chokepoint.security.adhoc-requires-admin=true, or listen on 127.0.0.1.");
		}
		if (!properties.adhocRequiresAdmin()) {
			return Optional.of("Refusing to start: HTTP would listen on " + where
					+ ", but chokepoint.security.adhoc-requires-admin=false, so anyone on the network could run"
					+ " ad-hoc Cypher (/api/cypher). Set chokepoint.security.adhoc-requires-admin=true, or listen on"
					+ " 127.0.0.1.");
		}
		return Optional.empty();
	}

	/**
	 * Whether the address is a loopback one: a literal ({@code 127.x}, {@code ::1}) or
	 * {@code localhost}; empty means every interface, not loopback.
	 */
	static boolean isLoopback(String address) {
		if (address == null || address.isBlank()) {
			return false;
		}
		String host = address.strip();
		if (host.startsWith("[") && host.endsWith("]")) {
			host = host.substring(1, host.length() - 1);
		}
		if (host.equalsIgnoreCase("localhost")) {
			return true;
		}
		if (!host.matches("[0-9.]+|[0-9a-fA-F:]+")) {
			return false; // a name other than localhost: not resolved here
		}
		try {
			return InetAddress.getByName(host).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

}
