package org.chokepoint.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Config;
import org.neo4j.driver.Logger;
import org.neo4j.driver.Logging;
import org.slf4j.LoggerFactory;

/**
 * {@link DriverLoggingConfiguration}: the driver's loggers follow the application's
 * levels, and a debug message of a logger whose level is off is never formatted (the
 * driver's default does format it, as the last test shows).
 */
class DriverLoggingConfigurationTests {

	private static final String NAME = "org.neo4j.driver.DriverLoggingConfigurationTests";

	private final ch.qos.logback.classic.Logger backing = ((LoggerContext) LoggerFactory.getILoggerFactory())
		.getLogger(NAME);

	@AfterEach
	void resetLevel() {
		this.backing.setLevel(null);
	}

	private static Logging configured() {
		Config.ConfigBuilder builder = Config.builder();
		new DriverLoggingConfiguration().driverLogsThroughSlf4j().customize(builder);
		return builder.build().logging();
	}

	@Test
	void theDriverFollowsTheApplicationsLevels() {
		Logger logger = configured().getLog(NAME);
		this.backing.setLevel(Level.INFO);
		assertThat(logger.isDebugEnabled()).isFalse();
		this.backing.setLevel(Level.DEBUG);
		assertThat(logger.isDebugEnabled()).isTrue();
	}

	@Test
	void aDebugMessageIsFormattedOnlyWhenDebugIsOn() {
		Logger logger = configured().getLog(NAME);
		Counted parameters = new Counted();
		this.backing.setLevel(Level.INFO);
		logger.debug("C: RUN %s", parameters);
		assertThat(parameters.formatted).hasValue(0);
		this.backing.setLevel(Level.DEBUG);
		logger.debug("C: RUN %s", parameters);
		assertThat(parameters.formatted).hasValue(1);
	}

	@Test
	void theDriversDefaultFormatsADebugMessageItThenDrops() {
		// why the application sets the logging: JUL's level (INFO) is off for debug,
		// yet the message is made
		Logger logger = Logging.systemLogging().getLog(NAME);
		assertThat(System.getLogger(NAME).isLoggable(System.Logger.Level.DEBUG)).isFalse();
		Counted parameters = new Counted();
		logger.debug("C: RUN %s", parameters);
		assertThat(parameters.formatted).hasValue(1);
	}

	/** A message parameter that counts how often it is turned into text. */
	private static final class Counted {

		final AtomicInteger formatted = new AtomicInteger();

		@Override
		public String toString() {
			return "parameters #" + this.formatted.incrementAndGet();
		}

	}

}
