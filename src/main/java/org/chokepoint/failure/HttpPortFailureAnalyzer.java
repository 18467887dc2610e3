package org.chokepoint.failure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.web.server.PortInUseException;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The web server could not listen on its HTTP port: one line naming the port, the setting
 * ({@code server.port}) and what holds it, where Spring Boot's own analysis names neither
 * setting nor holder.
 */
class HttpPortFailureAnalyzer extends AbstractFailureAnalyzer<PortInUseException> implements Ordered {

	private final Environment environment;

	private final Holders holders;

	public HttpPortFailureAnalyzer(Environment environment) {
		this(environment, Holders.ofThisMachine());
	}

	HttpPortFailureAnalyzer(Environment environment, Holders holders) {
		this.environment = environment;
		this.holders = holders;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PortInUseException cause) {
		int port = cause.getPort();
		String host = this.environment.getProperty("server.address", "all interfaces");
		String holder = this.holders.ofPort(port).map(h -> " by " + h).orElse("");
		return new FailureAnalysis(
				"HTTP port " + port + " on " + host + " is already in use" + holder
						+ ": set server.port to a free port (SERVER_PORT), or stop what holds it.",
				"Stop the process listening on port " + port + ", or start with --server.port=PORT.", cause);
	}

	/** Before Spring Boot's own PortInUseFailureAnalyzer. */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
