package org.chokepoint.failure;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.neo4j.io.locker.FileLockException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.Ordered;
import org.springframework.core.env.Environment;

/**
 * The embedded Neo4j found its store locked by another process, most likely a running
 * Chokepoint on the same {@code chokepoint.embedded.data-dir}: one line saying so, and
 * what to do instead (the running instance's REST API, or another directory).
 */
class StoreLockFailureAnalyzer extends AbstractFailureAnalyzer<FileLockException> implements Ordered {

	/**
	 * Neo4j's "Lock file has been locked by another process: PATH. Please ensure ...".
	 */
	private static final Pattern LOCK_FILE = Pattern.compile("another process: (.+?)\\. Please");

	private final Environment environment;

	private final Holders holders;

	public StoreLockFailureAnalyzer(Environment environment) {
		this(environment, Holders.ofThisMachine());
	}

	StoreLockFailureAnalyzer(Environment environment, Holders holders) {
		this.environment = environment;
		this.holders = holders;
	}

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, FileLockException cause) {
		Path dataDir = Path.of(this.environment.getProperty("chokepoint.embedded.data-dir", "data/neo4j"))
			.toAbsolutePath()
			.normalize();
		Matcher matcher = LOCK_FILE.matcher(String.valueOf(cause.getMessage()));
		String holder = matcher.find() ? this.holders.ofLockedFile(Path.of(matcher.group(1))).orElse(null) : null;
		return new FailureAnalysis("The database " + dataDir + " (chokepoint.embedded.data-dir) is in use by "
				+ (holder != null ? holder : "another process") + ", most likely a running Chokepoint: stop it first,"
				+ " or use its REST API (POST /api/admin/import, GET /api/data/report).",
				"Stop the application that uses " + dataDir + ", or point --chokepoint.embedded.data-dir elsewhere.",
				cause);
	}

	@Override
	public int getOrder() {
		return Ordered.HIGHEST_PRECEDENCE;
	}

}
