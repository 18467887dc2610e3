package org.chokepoint;

import org.chokepoint.database.StoreCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Chokepoint: a graph knowledge base of critical-mineral supply chains.
 *
 * <p>
 * {@code java -jar chokepoint.jar} serves the REST API on an embedded Neo4j;
 * {@code java -jar chokepoint.jar import --dir PATH} imports a folder of CSV files and
 * exits; {@code java -jar chokepoint.jar report} prints the data report and exits;
 * {@code java -jar chokepoint.jar backup --to FILE} and {@code restore --from FILE} back
 * up and restore the embedded store of the stopped application ({@link StoreCommand}).
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
		if (args.length > 0 && ("import".equals(args[0]) || "report".equals(args[0]))) {
			// the command line import and data report run without the web server
			application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
		}
		application.run(args);
	}

}
