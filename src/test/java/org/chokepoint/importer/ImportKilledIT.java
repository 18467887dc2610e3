package org.chokepoint.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.chokepoint.ChildJvm;
import org.chokepoint.ChokepointApplication;
import org.chokepoint.Fixture;
import org.chokepoint.benchmark.Generator;
import org.chokepoint.database.EmbeddedNeo4j;
import org.chokepoint.database.EmbeddedNeo4jProperties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.neo4j.driver.Driver;
import org.neo4j.driver.GraphDatabase;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.unit.DataSize;

/**
 * An import killed with SIGKILL while it writes leaves the previous data whole: the next
 * start deletes what the killed import staged and says which data version it holds, and
 * shows exactly the previous version and its counts, never a mix; a complete import
 * afterwards gives the new counts and leaves nothing behind.
 *
 * <p>
 * The killed imports run in the application's own command line in child JVMs
 * ({@link ChildJvm}) on one database directory, each stopped at a named step
 * ({@code chokepoint.import.pause-after}, {@link ImportSteps}) and killed there: after
 * the first committed batch of the staged trade flows (one writer, batches of 1,000, so
 * exactly 1,000 are staged), and after everything is staged but before the switch. After
 * each kill the store is opened in this JVM as the application opens it
 * ({@link EmbeddedNeo4j#start}, no clean-up) and read with the application's own counts
 * ({@link GraphCounts}, what {@code report} prints). The first import, and the start and
 * complete import after the kills, run the application in this JVM (no web server, as the
 * command line does; a JVM start less each). The killed import is the generator's S tier
 * (24,000 trade flows): the size does not change the path (staged nodes, trade flows and
 * supply mixes in committed batches, then one switching transaction), so a million flows
 * would only make the test slower.
 */
class ImportKilledIT {

	private static final String OLD_VERSION = "ae36904c19148419";

	/** What every child JVM gets: this test's database, INFO of the application only. */
	private static final List<String> SETTINGS = List.of("--chokepoint.embedded.port=0",
			"--chokepoint.embedded.page-cache=64m", "--logging.level.root=WARN", "--logging.level.org.chokepoint=INFO");

	private static final Duration GUARD = Duration.ofMinutes(5);

	@TempDir
	Path work;

	@Test
	void anImportKilledDuringItsWriteLeavesThePreviousDataWholeAndALaterOneLoadsAll() throws Exception {
		Path database = this.work.resolve("db");
		State before;
		try (ConfigurableApplicationContext application = application(database)) {
			application.getBean(ImportService.class).importDirectory(Fixture.BASIC, false);
			before = State.of(application.getBean(Driver.class));
		}
		assertThat(before.version()).isEqualTo(OLD_VERSION);
		assertThat(before.nodes().get("Country")).isEqualTo(7);
		assertThat(before.relationships().get("SOURCES")).isEqualTo(2);
		assertThat(before.leftovers()).isZero();

		Path small = this.work.resolve("s");
		// smaller than the S tier (24,000 flows): two batches of trade flows are enough,
		// and the child JVMs, compiling with C1 only, stage them all at the second kill
		Generator.Parameters s = new Generator.Parameters(20, 3, 4, 2, 2, 10, 1.2, 1, 42);
		Generator.write(s, small);

		// a batch of the trade flows committed, the other still to come
		String output = killAt(database, ImportSteps.BATCH_COMMITTED, small, "--chokepoint.import.writer-threads=1",
				"--chokepoint.import.batch-size=1000");
		assertThat(output).contains("trade_flows.csv: 1000 / " + s.flows() + " SOURCES relationships committed");
		State killed = State.of(database);
		assertThat(killed.shown()).as("the data shown after a kill while staging").isEqualTo(before.shown());
		assertThat(killed.stagedFlows()).as("staged trade flows left by the kill").isEqualTo(1000);

		// everything staged, the switch not begun: the start deletes the first kill's
		// leftovers and holds the old version
		output = killAt(database, ImportSteps.STAGED, small);
		assertStartCleanedUpAndHolds(output, OLD_VERSION);
		killed = State.of(database);
		assertThat(killed.shown()).as("the data shown after a kill before the switch").isEqualTo(before.shown());
		assertThat(killed.stagedFlows()).as("this import's staged trade flows, none of the first").isEqualTo(s.flows());

		// the next start deletes the second kill's leftovers and holds exactly the old
		// version; a complete import then loads all of its data and leaves nothing
		State restarted;
		State loaded;
		try (ConfigurableApplicationContext application = application(database)) {
			restarted = State.of(application.getBean(Driver.class));
			application.getBean(ImportService.class).importDirectory(small, false);
			loaded = State.of(application.getBean(Driver.class));
		}
		assertThat(restarted.shown()).as("the data shown by the next start").isEqualTo(before.shown());
		assertThat(restarted.leftovers()).as("staged nodes left after the next start").isZero();
		assertThat(loaded.version()).isNotEqualTo(OLD_VERSION);
		assertThat(loaded.leftovers()).as("staged or retired nodes left").isZero();
		assertThat(loaded.nodes().get("Country")).isEqualTo(s.countries());
		assertThat(loaded.relationships().get("SOURCES")).isEqualTo(s.flows());
		// world output: countries x (minerals x 2 stages + products) x years
		assertThat(loaded.relationships().get("MINES") + loaded.relationships().get("REFINES")
				+ loaded.relationships().get("MANUFACTURES"))
			.isEqualTo((long) s.countries() * (2L * s.minerals() + s.products()) * s.years());
	}

	/**
	 * The application started in this JVM on the database, as the command line's import
	 * starts it (no web server, no start-up import), but without a JVM start of its own.
	 */
	private static ConfigurableApplicationContext application(Path database) {
		return new SpringApplicationBuilder(ChokepointApplication.class).web(WebApplicationType.NONE)
			.run("--chokepoint.embedded.data-dir=" + database, "--chokepoint.embedded.port=0",
					"--chokepoint.embedded.page-cache=64m", "--chokepoint.import.on-startup=false");
	}

	/**
	 * The start of the application deleted the leftovers before it said which version it
	 * holds.
	 */
	private static void assertStartCleanedUpAndHolds(String output, String version) {
		int cleanedUp = output.indexOf("old version and staged leftovers deleted");
		assertThat(cleanedUp).as(output).isNotNegative();
		assertThat(output.indexOf("Database holds data version " + version)).as(output).isGreaterThan(cleanedUp);
	}

	/**
	 * Imports the folder in a child JVM paused at the step, kills it there (SIGKILL) and
	 * answers what it printed.
	 */
	private static String killAt(Path database, String step, Path folder, String... settings) throws Exception {
		List<String> args = new ArrayList<>(List.of("import", "--dir=" + folder));
		args.addAll(List.of(settings));
		Process process = ChildJvm.start("1g", List.of("-D" + ImportSteps.PROPERTY + "=" + step),
				arguments(database, args));
		try {
			String output = ChildJvm.awaitLine(process, GUARD, line -> line.equals("import paused after: " + step));
			assertThat(process.isAlive()).as("paused after " + step).isTrue();
			return output;
		}
		finally {
			process.destroyForcibly();
			assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		}
	}

	private static String run(Path database, String... args) throws Exception {
		return ChildJvm.run(GUARD, "1g", List.of(), arguments(database, List.of(args))).succeeded();
	}

	private static List<String> arguments(Path database, List<String> args) {
		List<String> arguments = new ArrayList<>(args);
		arguments.addAll(SETTINGS);
		arguments.add("--chokepoint.embedded.data-dir=" + database);
		return arguments;
	}

	/**
	 * A store as this JVM finds it, the application's start not having cleaned it up.
	 *
	 * @param version the data version
	 * @param nodes nodes per label, as the application counts them (not the staged or
	 * retired ones)
	 * @param relationships relationships per type, as the application counts them
	 * @param leftovers the staged and retired nodes
	 * @param stagedFlows the trade flows between staged nodes
	 */
	private record State(String version, Map<String, Long> nodes, Map<String, Long> relationships, long leftovers,
			long stagedFlows) {

		/** What the application shows: the data version and the counts. */
		List<Object> shown() {
			return List.of(this.version, this.nodes, this.relationships);
		}

		/**
		 * Opens the store as the application opens it, without starting the application
		 * (which would clean up).
		 */
		static State of(Path home) {
			EmbeddedNeo4jProperties properties = new EmbeddedNeo4jProperties(true, "127.0.0.1", 0, home, false, "16m",
					Duration.ZERO, null, DataSize.ofMegabytes(0), Duration.ofMillis(500));
			try (EmbeddedNeo4j server = EmbeddedNeo4j.start(properties, "neo4j", "");
					Driver driver = GraphDatabase.driver(server.boltUri(), server.authToken())) {
				return of(driver);
			}
		}

		static State of(Driver driver) {
			var versions = driver.executableQuery("MATCH (v:DataVersion {key: 'current'}) RETURN v.version AS version")
				.execute()
				.records();
			assertThat(versions).as("one data version").hasSize(1);
			var left = driver.executableQuery("""
					RETURN COUNT { (n) WHERE n:Staged OR n:StagedCountry OR n:Retired } AS leftovers,
					       COUNT { (:Staged)-[:SOURCES]->() } AS stagedFlows
					""").execute().records().get(0);
			GraphCounts counts = new GraphCounts(driver);
			return new State(versions.get(0).get("version").asString(), counts.nodes(), counts.relationships(),
					left.get("leftovers").asLong(), left.get("stagedFlows").asLong());
		}

	}

}
