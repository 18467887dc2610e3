package org.chokepoint.importer;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.chokepoint.web.NotFoundException;

import org.neo4j.driver.exceptions.Neo4jException;

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
 * {@code import --dir PATH --trade-only} adds the (source, year) groups of trade flows of
 * {@code PATH/trade_flows.csv} to the loaded data,
 * {@code import --remove-trade SOURCE:YEAR} removes one ({@link TradeImportService}).
 */
@Component
class ImportCommand implements ApplicationRunner {

	static final String USAGE = """
			usage: import [--dir PATH] [--allow-shrink]  replace the data with a folder (default: the shipped data)
			       import --dir PATH --trade-only     add the (source, year) groups of PATH/trade_flows.csv
			       import --remove-trade SOURCE:YEAR  remove one (source, year) of trade flows""";

	private final ImportService importService;

	private final TradeImportService tradeImports;

	private final ConfigurableApplicationContext context;

	ImportCommand(ImportService importService, TradeImportService tradeImports,
			ConfigurableApplicationContext context) {
		this.importService = importService;
		this.tradeImports = tradeImports;
		this.context = context;
	}

	static boolean isImportCommand(ApplicationArguments arguments) {
		List<String> words = arguments.getNonOptionArgs();
		return !words.isEmpty() && "import".equals(words.get(0));
	}

	/** The value of {@code --dir=PATH} or {@code --dir PATH}, or null. */
	static String directory(String[] args) {
		return option(args, "--dir");
	}

	/** The value of {@code --NAME=VALUE} or {@code --NAME VALUE}, or null. */
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

	static boolean flag(String[] args, String name) {
		return Arrays.asList(args).contains(name);
	}

	/**
	 * What the arguments ask for: a full import (of {@code dir}, or of the shipped data
	 * when null), an addition of trade ({@code --trade-only}), or a removal of one
	 * ({@code --remove-trade SOURCE:YEAR}).
	 * @throws IllegalArgumentException saying how the command is misused
	 */
	static Request request(String[] args) {
		String dir = directory(args);
		String remove = option(args, "--remove-trade");
		boolean tradeOnly = flag(args, "--trade-only");
		if (remove != null) {
			if (dir != null || tradeOnly) {
				throw new IllegalArgumentException("--remove-trade takes no --dir nor --trade-only");
			}
			return new Request(null, false, TradeGroup.parse(remove));
		}
		if (flag(args, "--remove-trade")) {
			throw new IllegalArgumentException("--remove-trade needs SOURCE:YEAR, e.g. --remove-trade cepii-baci:2023");
		}
		if (tradeOnly && dir == null) {
			throw new IllegalArgumentException("--trade-only needs --dir PATH, the folder holding trade_flows.csv");
		}
		return new Request(dir, tradeOnly, null);
	}

	/**
	 * @param dir the folder, or null for the shipped data
	 * @param tradeOnly add the trade flows of dir/trade_flows.csv to the loaded data
	 * @param remove the trade group to remove, or null
	 */
	record Request(String dir, boolean tradeOnly, TradeGroup remove) {
	}

	@Override
	public void run(ApplicationArguments arguments) {
		if (!isImportCommand(arguments)) {
			return;
		}
		int code;
		try {
			boolean allowShrink = arguments.containsOption("allow-shrink");
			Request request = request(arguments.getSourceArgs());
			ImportReport report = request.remove() != null ? this.tradeImports.removeTrade(request.remove())
					: request.tradeOnly() ? this.tradeImports.addTrade(Path.of(request.dir()))
							: request.dir() == null ? this.importService.importShipped(allowShrink)
									: this.importService.importDirectory(Path.of(request.dir()), allowShrink);
			System.out.printf("Imported %s: data version %s, %d rows in %d ms%n  nodes: %s%n  relationships: %s%n",
					report.folder(), report.version(), report.rowsRead(), report.millis(), report.nodes(),
					report.relationships());
			report.warnings().forEach(w -> System.out.println("  warning: " + w));
			code = 0;
		}
		catch (ImportFailedException | ImportTooLargeException | NotFoundException ex) {
			System.err.println(ex.getMessage());
			code = 1;
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println(USAGE);
			code = 2;
		}
		catch (Neo4jException ex) {
			// e.g. the transaction memory limit: one line, not a stack trace; the import
			// is all or nothing, so the data is as it was
			System.err.println("Import failed in the database, the data is as it was before it: " + ex.getMessage()
					+ (ex.code() == null ? "" : " (" + ex.code() + ")")
					+ (String.valueOf(ex.code()).contains("Memory")
							? "; the limit of a transaction's memory is chokepoint.embedded.transaction-max-memory"
							: ""));
			code = 1;
		}
		int exitCode = code;
		System.exit(SpringApplication.exit(this.context, (ExitCodeGenerator) () -> exitCode));
	}

}
