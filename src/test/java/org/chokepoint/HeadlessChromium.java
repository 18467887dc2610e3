package org.chokepoint;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.service.DriverFinder;

/**
 * Headless Chromium for the browser tests (tagged {@code browser}), found on this machine
 * without downloading anything. The browser: the system property
 * {@value #BROWSER_PROPERTY} if set, else the first of {@link #BROWSER_NAMES} on the
 * {@code PATH}, else what Selenium Manager finds. The driver: Selenium Manager in offline
 * mode ({@code webdriver.chrome.driver}, the {@code PATH}, its cache), so it never tries
 * to download one (this machine, like many CI runners, has no way out).
 * <p>
 * Where either is missing the test class is skipped with a message naming what is missing
 * and how to install it: as an extension ({@code @ExtendWith(HeadlessChromium.class)}) it
 * skips the class before the application starts, and {@link #start()} assumes the same. A
 * developer without a browser still runs every other test; {@code .ci/run} installs both
 * where it can (root with apt-get).
 */
public final class HeadlessChromium implements ExecutionCondition {

	/** A path to the browser binary, to use instead of the {@code PATH} lookup. */
	public static final String BROWSER_PROPERTY = "chokepoint.chromium";

	/** The browser's names on the {@code PATH}, looked up in this order. */
	static final List<String> BROWSER_NAMES = List.of("chromium", "chromium-browser", "google-chrome",
			"google-chrome-stable");

	private static final String INSTALL = "install them with: apt-get install -y chromium chromium-driver"
			+ " (.ci/run does where it runs as root)";

	/**
	 * What was found, looked up once per test JVM (Selenium Manager is a process to
	 * start).
	 */
	private static Found found;

	/**
	 * The browser and driver found; {@code missing} names what is not, empty when both
	 * are.
	 */
	private record Found(Path browser, String driver, List<String> missing) {
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		Found found = find();
		return found.missing().isEmpty() ? ConditionEvaluationResult.enabled("Chromium and ChromeDriver found")
				: ConditionEvaluationResult.disabled(skipMessage(found));
	}

	/**
	 * Starts a headless Chromium with a fresh profile under {@code target/}, or skips the
	 * calling test (a failed assumption) when no Chromium or no ChromeDriver is found.
	 */
	public static WebDriver start() throws IOException {
		return start(options -> {
		});
	}

	/**
	 * {@link #start()}, with more options set by {@code customizer} (e.g. a performance
	 * log to see every request the page made).
	 */
	public static WebDriver start(java.util.function.Consumer<ChromeOptions> customizer) throws IOException {
		Found found = find();
		Assumptions.assumeTrue(found.missing().isEmpty(), () -> skipMessage(found));
		ChromeOptions options = new ChromeOptions();
		options.setBinary(found.browser().toFile());
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
				"--disable-background-networking", "--disable-component-update", "--disable-sync",
				"--window-size=1280,800",
				"--user-data-dir=" + Files.createTempDirectory(Path.of("target"), "chromium-profile").toAbsolutePath());
		customizer.accept(options);
		// the driver found, set on the service: ChromeDriver then asks Selenium Manager
		// nothing
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(found.driver()))
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}

	private static String skipMessage(Found found) {
		return "Browser test skipped: " + String.join(" and ", found.missing()) + "; " + INSTALL;
	}

	private static synchronized Found find() {
		if (found == null) {
			found = lookUp();
			if (!found.missing().isEmpty()) {
				// once, on the console: the reports hold it for each test class too
				System.err.println(skipMessage(found));
			}
		}
		return found;
	}

	private static Found lookUp() {
		String configured = System.getProperty(BROWSER_PROPERTY);
		if (configured != null && !configured.isBlank() && !Files.isExecutable(Path.of(configured))) {
			return new Found(null, null,
					List.of("no Chromium at " + configured + " (system property " + BROWSER_PROPERTY + ")"));
		}
		Path browser = browserOnPath();
		ChromeOptions options = new ChromeOptions();
		if (browser != null) {
			options.setBinary(browser.toFile());
		}
		// isPresent() runs Selenium Manager with --offline: what is on this machine,
		// nothing downloaded
		DriverFinder finder = new DriverFinder(new ChromeDriverService.Builder().build(), options);
		// offline, it may answer with an empty path rather than fail
		boolean driverFound = finder.isPresent() && finder.getDriverPath() != null && !finder.getDriverPath().isBlank()
				&& Files.isExecutable(Path.of(finder.getDriverPath()));
		if (browser == null && driverFound && finder.hasBrowserPath()) {
			browser = Path.of(finder.getBrowserPath());
		}
		List<String> missing = new ArrayList<>();
		if (browser == null) {
			missing.add("no Chromium (none of " + BROWSER_NAMES + " on the PATH, no system property " + BROWSER_PROPERTY
					+ ", none found by Selenium Manager)");
		}
		if (!driverFound) {
			missing.add("no ChromeDriver (Selenium Manager, offline, found none: not on the PATH,"
					+ " no system property webdriver.chrome.driver, none in its cache)");
		}
		return new Found(browser, driverFound ? finder.getDriverPath() : null, List.copyOf(missing));
	}

	/**
	 * The browser named by {@value #BROWSER_PROPERTY}, else the first of
	 * {@link #BROWSER_NAMES} on the PATH.
	 */
	static Path browserOnPath() {
		String configured = System.getProperty(BROWSER_PROPERTY);
		if (configured != null && !configured.isBlank()) {
			return Files.isExecutable(Path.of(configured)) ? Path.of(configured) : null;
		}
		String searchPath = System.getenv("PATH");
		if (searchPath == null) {
			return null;
		}
		for (String name : BROWSER_NAMES) {
			for (String directory : searchPath.split(File.pathSeparator)) {
				if (directory.isEmpty()) {
					continue;
				}
				Path candidate = Path.of(directory, name);
				if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
					return candidate;
				}
			}
		}
		return null;
	}

}
