package org.chokepoint.importer;

import java.nio.file.Path;
import java.util.List;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar chokepoint.jar import --dir PATH}: imports a folder, prints what it
 * loaded or every error, and exits (0 imported, 1 refused, 2 misused). Without
 * {@code --dir} it imports the shipped data. An import that would lose most of the graph
 * is refused unless {@code --allow-shrink} is given ({@link ShrinkGuard}).
 */
@Component
class ImportCommand implements ApplicationRunner {

	private final ImportService importService;

	private final ConfigurableApplicationContext context;

	ImportCommand(ImportService importService, ConfigurableApplicationContext context) {
		this.importService = importService;
		this.context = context;
	}

	static boolean isImportCommand(ApplicationArguments arguments) {
		List<String> words = arguments.getNonOptionArgs();
		return !words.isEmpty() && "import".equals(words.get(0));
	}

	/** The value of {@code --dir=PATH} or {@code --dir PATH}, or null. */
	static String directory(String[] args) {
		for (int i = 0; i < args.length; i++) {
			if (args[i].startsWith("--dir=")) {
				return args[i].substring("--dir=".length());
			}
			if (args[i].equals("--dir") && i + 1 < args.length) {
				return args[i + 1];
			}
		}
		return null;
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (!isImportCommand(arguments)) {
			return;
		}
		int code;
		String dir = directory(arguments.getSourceArgs());
		try {
			boolean allowShrink = arguments.containsOption("allow-shrink");
			ImportReport report = dir == null ? this.importService.importShipped(allowShrink)
					: this.importService.importDirectory(Path.of(dir), allowShrink);
			System.out.printf("Imported %s: data version %s, %d rows in %d ms%n  nodes: %s%n  relationships: %s%n",
					report.folder(), report.version(), report.rowsRead(), report.millis(), report.nodes(),
					report.relationships());
			report.warnings().forEach(w -> System.out.println("  warning: " + w));
			code = 0;
		}
		catch (ImportFailedException ex) {
			System.err.println(ex.getMessage());
			code = 1;
		}
		int exitCode = code;
		System.exit(SpringApplication.exit(this.context, (ExitCodeGenerator) () -> exitCode));
	}

}
