package org.chokepoint.failure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.configuration.helpers.PortBindException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The embedded Neo4j could not listen on its Bolt port: one line naming the port, the
 * setting ({@code chokepoint.embedded.port}) and what holds it.
 */
class BoltPortFailureAnalyzer extends AbstractFailureAnalyzer<PortBindException> implements Ordered {

	/**
	 * The port in Neo4j's messages: "... bind to the socket /127.0.0.1:7687", "Address
	 * 127.0.0.1:7687 is already in use, cannot bind to it.".
	 */
	private static final Pattern PORT = Pattern.compile(":(\\d{1,5})(?!\\d)");

	private final Environment environment;

	private final Holders holders;

	public BoltPortFailureAnalyzer(Environment environment) {
		this(environment, Holders.ofThisMachine());
	}

	BoltPortFailureAnalyzer(Environment environment, Holders holders) {
		this.environment = environment;
		this.holders = holders;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, PortBindException cause) {
		Matcher matcher = PORT.matcher(String.valueOf(cause.getMessage()));
		int port = this.environment.getProperty("chokepoint.embedded.port", Integer.class, 7687);
		while (matcher.find()) {
			port = Integer.parseInt(matcher.group(1));
		}
		String host = this.environment.getProperty("chokepoint.embedded.host", "127.0.0.1");
		String holder = this.holders.ofPort(port).map(h -> " by " + h).orElse("");
		return new FailureAnalysis(
				"Bolt port " + port + " on " + host + " is already in use" + holder
						+ ": set chokepoint.embedded.port to a free port (0 picks one), or stop what holds it.",
				"Stop the process listening on port " + port + ", or start with --chokepoint.embedded.port=PORT.",
				cause);
	}

	/**
	 * Before Spring Boot's own analyzers, which would take the bind failure as theirs.
	 */
	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
