package org.chokepoint.system;

import org.chokepoint.importer.ImportProperties;
import org.chokepoint.importer.ImportService;
import org.chokepoint.schema.SchemaMigrations;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.ApplicationArguments;
import org.springframework.stereotype.Component;

/**
 * Brings the database up to date before the web server opens: applies pending schema migrations,
 * then imports the configured data when the database holds none or another version. The command
 * line import ({@code import --dir}) skips the automatic import: it imports what it was given.
 */
@Component
class DatabaseStartup implements SmartInitializingSingleton {

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
		if (this.properties.onStartup() && !ImportCommand.isImportCommand(this.arguments)) {
			this.importService.importIfOutdated();
		}
	}

}
