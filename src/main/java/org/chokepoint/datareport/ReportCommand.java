package org.chokepoint.datareport;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/** {@code java -jar chokepoint.jar report}: prints the data report as JSON and exits. */
@Component
class ReportCommand implements ApplicationRunner {

	private final DataReportService service;

	private final JsonMapper json;

	private final ConfigurableApplicationContext context;

	ReportCommand(DataReportService service, JsonMapper json, ConfigurableApplicationContext context) {
		this.service = service;
		this.json = json;
		this.context = context;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		List<String> words = arguments.getNonOptionArgs();
		if (words.isEmpty() || !"report".equals(words.get(0))) {
			return;
		}
		System.out.println(this.json.writerWithDefaultPrettyPrinter().writeValueAsString(this.service.report()));
		System.exit(SpringApplication.exit(this.context, (ExitCodeGenerator) () -> 0));
	}

}
