package org.chokepoint.database;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.chokepoint.database.StoreArchive.StoreArchiveException;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar chokepoint.jar backup --to FILE [--force]} and
 * {@code restore --from FILE [--force]}: the offline backup and restore of the embedded
 * store ({@link StoreArchive}), with the stopped application's configuration (its
 * {@code chokepoint.embedded.data-dir}, from {@code application.yaml}, the environment or
 * {@code --chokepoint.embedded.data-dir=...}). They start neither the database nor the
 * web server. Exit codes: 0 done, 1 refused or failed (the reason on standard error), 2
 * misused.
 */
public final class StoreCommand {

	/** The command words this class answers. */
	public static final List<String> COMMANDS = List.of("backup", "restore");

	private StoreCommand() {
	}

	/** Whether the arguments are one of these commands. */
	public static boolean handles(String[] args) {
		return args.length > 0 && COMMANDS.contains(args[0]);
	}

	/** Runs the command and answers its exit code. */
	public static int run(String... args) {
		boolean backup = "backup".equals(args[0]);
		String fileOption = backup ? "--to" : "--from";
		String file = option(args, fileOption);
		if (file == null || file.isBlank()) {
			System.err.println("Usage: java -jar chokepoint.jar backup --to FILE [--force]"
					+ "  |  java -jar chokepoint.jar restore --from FILE [--force]");
			return 2;
		}
		boolean force = Arrays.asList(args).contains("--force");
		EmbeddedNeo4jProperties properties = settings(args);
		if (!properties.enabled()) {
			System.err.println("chokepoint.embedded.enabled=false: the database is an external server; back it up with"
					+ " its own tools (neo4j-admin database dump / load).");
			return 1;
		}
		StoreArchive archive = new StoreArchive(properties.dataDir());
		long started = System.nanoTime();
		try {
			if (backup) {
				long bytes = archive.backup(Path.of(file), force);
				System.out.printf(Locale.ROOT, "Backed up database 'neo4j' of %s to %s (%,d bytes) in %d ms%n",
						properties.dataDir().toAbsolutePath().normalize(), Path.of(file).toAbsolutePath().normalize(),
						bytes, (System.nanoTime() - started) / 1_000_000);
			}
			else {
				long nodes = archive.restore(Path.of(file), force);
				System.out.printf(Locale.ROOT,
						"Restored database 'neo4j' of %s from %s (%,d nodes) in %d ms; start the application"
								+ " to use it%n",
						properties.dataDir().toAbsolutePath().normalize(), Path.of(file).toAbsolutePath().normalize(),
						nodes, (System.nanoTime() - started) / 1_000_000);
			}
			return 0;
		}
		catch (StoreArchiveException ex) {
			System.err.println((backup ? "Backup" : "Restore") + " refused: " + ex.getMessage());
			return 1;
		}
	}

	/** The value of {@code --name=VALUE} or {@code --name VALUE}, or null. */
	static String option(String[] args, String name) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith(name + "=")) {
				return args[i].substring(name.length() + 1);
			}
			if (args[i].equals(name) && i + 1 < args.length) {
				return args[i + 1];
			}
		}
		return null;
	}

	/**
	 * The embedded database's settings as the application would read them, without
	 * starting it.
	 */
	private static EmbeddedNeo4jProperties settings(String[] args) {
		SpringApplication application = new SpringApplication(Settings.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setLogStartupInfo(false);
		try (ConfigurableApplicationContext context = application.run(args)) {
			return context.getBean(EmbeddedNeo4jProperties.class);
		}
	}

	/** Only the settings: no database, no web server, no component scan. */
	@EnableConfigurationProperties(EmbeddedNeo4jProperties.class)
	static class Settings {

	}

}
