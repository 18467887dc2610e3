package org.chokepoint.atlas;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.chokepoint.ChokepointTest;
import org.chokepoint.HeadlessChromium;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The atlas in a real browser (headless Chromium, {@link HeadlessChromium}; skipped where
 * none is found): the main journey on the shipped data, with screenshots under
 * {@code target/screenshots/}.
 */
@ChokepointTest
@Tag("browser")
@ExtendWith(HeadlessChromium.class)
class AtlasIT {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static WebDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startChromium() throws IOException {
		browser = HeadlessChromium.start();
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	static void stopChromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void showsChinaAsTheChokepointOfEuMagnetsThenAUsScenarioAndLinksIntoTheBrowser() throws Exception {
		browser.manage().window().setSize(new Dimension(1280, 800));
		browser.get(base() + "/?consumer=EU&product=ndfeb-magnet&year=2026&threshold=0.5");

		WebElement china = waitFor(By.cssSelector(
				"g.stage-group[data-item='ndfeb-magnet'][data-stage='MANUFACTURING'] g.supplier[data-country='CHN']"));
		assertThat(china.getAttribute("class")).contains("choke", "china");
		assertThat(Double.parseDouble(china.getAttribute("data-share"))).isBetween(0.85, 0.90);
		// the seed's 87.5 % (2026, newer than the trade flows of 2024), traced: China's
		// own magnets are 99.9 %
		// Chinese, so 0.875 x 0.9994 = 0.8745
		assertThat(china.findElement(By.cssSelector(".share")).getText()).isEqualTo("87.5 %");
		assertThat(china.findElement(By.cssSelector(".name")).getText()).isEqualTo("◆ China");
		// red: the chokepoint colour of the style sheet
		assertThat(china.findElement(By.cssSelector(".bar")).getCssValue("fill")).isEqualTo("rgb(179, 38, 30)");
		assertThat(china.findElement(By.cssSelector("a")).getDomAttribute("href"))
			.isEqualTo("/api/sources/guardian-2026-02-critical-minerals-alliance");
		assertThat(text("#verdict")).contains("China exposure", "92.2 %", "Single points of failure", "HHI");
		assertThat(text("#spof-list")).contains("China", "87.5 % chokepoint", "allied");

		String browserLink = waitFor(By.cssSelector("#chain-browser[href*='cmd=edit']")).getAttribute("href");
		assertThat(browserLink).startsWith(base() + "/browser/?dbms=bolt://neo4j@127.0.0.1:")
			.contains("&cmd=edit&arg=");
		String query = java.net.URLDecoder.decode(browserLink.substring(browserLink.indexOf("&arg=") + 5),
				java.nio.charset.StandardCharsets.UTF_8);
		assertThat(query).contains(":param products => ['ndfeb-magnet'];", ":param consumer => 'EU';",
				":param year => 2026;", ":param threshold => 0.5;", ":param cuts => [];",
				"WHERE $products IS NULL OR product.id IN $products");
		// the whole query fits in a request line the server takes
		assertThat(get(browserLink).statusCode()).isEqualTo(200);
		waitFor(By.cssSelector("#overview-rows tbody tr[data-product='ndfeb-magnet']"));
		screenshot("1-eu-ndfeb-magnet");

		WebElement consumer = browser.findElement(By.id("consumer"));
		consumer.clear();
		consumer.sendKeys("USA");
		new Select(browser.findElement(By.id("product"))).selectByValue("gan-gaas-semiconductor");
		waitFor(By.cssSelector("g.stage-group[data-item='gallium'][data-stage='REFINING']"));
		assertThat(browser.getCurrentUrl()).contains("consumer=USA", "product=gan-gaas-semiconductor", "year=2026");
		// the page shows what REST answers, rounded for people
		String usGallium = percent("/api/chains/gan-gaas-semiconductor?consumer=USA&year=2026", "chinaExposure");
		assertThat(text("#verdict")).contains("China exposure", usGallium);

		WebElement date = browser.findElement(By.id("scenario-date"));
		((JavascriptExecutor) browser).executeScript("arguments[0].value = '2024-12-03'", date);
		browser.findElement(By.cssSelector("#scenario-form button[type=submit]")).click();
		waitFor(By.cssSelector("#scenario-hits tr[data-consumer='USA'][data-product='gan-gaas-semiconductor']"));
		List<String> hit = browser.findElements(By.cssSelector("#scenario-hits tbody tr"))
			.stream()
			.map(row -> row.getAttribute("data-product"))
			.toList();
		assertThat(hit).contains("gan-gaas-semiconductor", "germanium-optics", "ammunition");
		assertThat(text("#before-after")).contains("Before", usGallium, "After", "0.0 %");
		assertThat(waitFor(By.cssSelector("#scenario-browser[href*='cuts']")).getAttribute("href"))
			.startsWith(base() + "/browser/?dbms=");
		browser.findElement(By.id("scenario-heading")).click();
		scrollTo("#scenario-heading");
		screenshot("2-usa-gallium-scenario");

		// direct partners, and what they pass on: Japan buys a quarter of its magnets
		// from Vietnam, which
		// makes few itself; the choice is in the URL
		browser.get(base() + "/?consumer=JPN&product=ndfeb-magnet&year=2026&threshold=0.5&sourcing=direct");
		WebElement vietnam = waitFor(By.cssSelector(
				"g.stage-group[data-item='ndfeb-magnet'][data-stage='MANUFACTURING'] g.supplier[data-country='VNM']"));
		assertThat(new Select(browser.findElement(By.id("sourcing"))).getFirstSelectedOption().getDomAttribute("value"))
			.isEqualTo("direct");
		assertThat(Double.parseDouble(vietnam.getAttribute("data-share"))).isBetween(0.15, 0.35);
		assertThat(Double.parseDouble(vietnam.getDomAttribute("data-origin-china"))).isBetween(0.5, 1.0);
		// the tooltip (and the downloaded SVG's title) says what a partner passes on
		assertThat(vietnam.getDomAttribute("data-tip")).contains("of which China");
		screenshot("3-japan-direct");

		browser.manage().window().setSize(new Dimension(420, 900));
		scrollTo("body");
		screenshot("4-narrow");
	}

	private WebElement waitFor(By locator) {
		return new WebDriverWait(browser, Duration.ofSeconds(90))
			.until(ExpectedConditions.presenceOfElementLocated(locator));
	}

	private String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText();
	}

	private void scrollTo(String css) {
		((JavascriptExecutor) browser).executeScript("document.querySelector(arguments[0]).scrollIntoView()", css);
	}

	private void screenshot(String name) throws IOException {
		Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
		Files.copy(file, SCREENSHOTS.resolve("atlas-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
	}

	/** A share of a REST answer as the atlas writes it: one decimal of a percent. */
	private String percent(String path, String field) throws IOException, InterruptedException {
		String body = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/json").build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"" + field + "\":([-0-9.eE]+)").matcher(body);
		assertThat(m.find()).as(body).isTrue();
		return String.format(java.util.Locale.ROOT, "%.1f %%", 100 * Double.parseDouble(m.group(1)));
	}

	private HttpResponse<String> get(String url) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
					HttpResponse.BodyHandlers.ofString());
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
