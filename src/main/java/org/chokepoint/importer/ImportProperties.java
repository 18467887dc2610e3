package org.chokepoint.importer;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the importer ({@code chokepoint.import.*}).
 *
 * @param onStartup whether start-up imports the data when the database is empty or holds another data version
 * @param dir the folder imported at start-up; empty means the data shipped with the application
 * @param timeout the longest an import transaction may run
 */
@ConfigurationProperties("chokepoint.import")
public record ImportProperties(@DefaultValue("true") boolean onStartup, Path dir,
		@DefaultValue("30m") Duration timeout) {
}
