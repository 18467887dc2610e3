package org.chokepoint.database;

import org.neo4j.driver.Logging;

import org.springframework.boot.neo4j.autoconfigure.ConfigBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Neo4j driver logs through SLF4J, so its levels are the application's
 * ({@code logging.level.org.neo4j.driver=debug} shows every Bolt message), embedded or
 * external. The driver's default, {@code Logging.systemLogging()} (Spring Boot sets
 * none), formats every debug message before asking whether the level is on: driver 6.1's
 * {@code SystemLogger.debug} turns each outbound Bolt message, its parameters included,
 * into text and drops it. A profile of an incremental trade year at tier M found the
 * driver's I/O thread busy writing the doubles of the batches' parameters as text;
 * SLF4J's logger asks first.
 */
@Configuration(proxyBeanMethods = false)
class DriverLoggingConfiguration {

	@Bean
	ConfigBuilderCustomizer driverLogsThroughSlf4j() {
		return builder -> builder.withLogging(Logging.slf4j());
	}

}
