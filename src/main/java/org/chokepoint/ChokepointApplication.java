package org.chokepoint;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Chokepoint: a graph knowledge base of critical-mineral supply chains.
 *
 * <p>{@code java -jar chokepoint.jar} serves the REST API on an embedded Neo4j;
 * {@code java -jar chokepoint.jar import --dir PATH} imports a folder of CSV files and exits;
 * {@code java -jar chokepoint.jar report} prints the data report and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ChokepointApplication {

	public static void main(String[] args) {
		SpringApplication application = new SpringApplication(ChokepointApplication.class);
		if (args.length > 0 && ("import".equals(args[0]) || "report".equals(args[0]))) {
			// the command line import and data report run without the web server
			application.setWebApplicationType(org.springframework.boot.WebApplicationType.NONE);
		}
		application.run(args);
	}

}
