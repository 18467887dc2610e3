package org.chokepoint;

import java.util.Map;

import org.chokepoint.database.StoreCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.core.env.MapPropertySource;

/**
 * Chokepoint: a graph knowledge base of critical-mineral supply chains.
 *
 * <p>
 * {@code java -jar chokepoint.jar} serves the REST API on an embedded Neo4j;
 * {@code java -jar chokepoint.jar import --dir PATH} imports a folder of CSV files and
 * exits; {@code java -jar chokepoint.jar report} prints the data report and exits;
 * {@code java -jar chokepoint.jar backup --to FILE} and {@code restore --from FILE} back
 * up and restore the embedded store of the stopped application ({@link StoreCommand}).
 * The one-shot {@code import} and {@code report} start no web server, and their embedded
 * Neo4j listens on a free Bolt port whatever {@code chokepoint.embedded.port} says, so a
 * running instance on that port is no obstacle; one holding the same database directory
 * is (Neo4j's store lock), and the command says so in one line.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChokepointApplication {

	public static void main(String[] args) {
		if (StoreCommand.handles(args)) {
			// offline: neither the database nor the web server starts
			System.exit(StoreCommand.run(args));
		}
		SpringApplication application = new SpringApplication(ChokepointApplication.class);
		if (isOneShotCommand(args)) {
			// the command line import and data report run without the web server, and
			// talk
			// to their database over a Bolt port of their own: above the command line's
			// settings
			application.setWebApplicationType(WebApplicationType.NONE);
			application.addInitializers(context -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("oneShotCommand", Map.of("chokepoint.embedded.port", 0))));
		}
		application.run(args);
	}

	/** Whether the arguments are a command that does its work and exits. */
	static boolean isOneShotCommand(String[] args) {
		return args.length > 0 && ("import".equals(args[0]) || "report".equals(args[0]));
	}

}
