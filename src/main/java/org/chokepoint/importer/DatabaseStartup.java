package org.chokepoint.importer;

import org.chokepoint.schema.SchemaMigrations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * Brings the database up to date before the web server opens: applies pending schema
 * migrations, deletes what an interrupted import left behind (so the last committed data
 * version is whole, and says which it is), then imports the configured data when the
 * database holds none or another version. The command line import ({@code import --dir})
 * skips the automatic import: it imports what it was given.
 */
@Component
class DatabaseStartup implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(DatabaseStartup.class);

	private final SchemaMigrations migrations;

	private final ImportService importService;

	private final ImportProperties properties;

	private final ApplicationArguments arguments;

	DatabaseStartup(SchemaMigrations migrations, ImportService importService, ImportProperties properties,
			ApplicationArguments arguments) {
		this.migrations = migrations;
		this.importService = importService;
		this.properties = properties;
		this.arguments = arguments;
	}

	@Override
	public void afterSingletonsInstantiated() {
		this.migrations.apply();
		this.importService.cleanUpLeftovers();
		this.importService.currentVersion()
			.ifPresentOrElse(version -> log.info("Database holds data version {}", version),
					() -> log.info("Database holds no data yet"));
		if (this.properties.onStartup() && !ImportCommand.isImportCommand(this.arguments)) {
			this.importService.importIfOutdated();
		}
	}

}
