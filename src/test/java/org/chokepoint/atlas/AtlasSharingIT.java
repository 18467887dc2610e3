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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What makes the atlas worth sharing, in headless Chromium ({@link HeadlessChromium};
 * skipped with a message where none is found): the formatting helpers (run in the
 * browser), full labels, no "-0.0 %", the downloads (CSV, SVG, PNG), the trend panel, the
 * what-if state in the URL and "no data" in grey. Screenshots under
 * {@code target/screenshots/}.
 */
@ChokepointTest
@Tag("browser")
@ExtendWith(HeadlessChromium.class)
class AtlasSharingIT {

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** Records every file the page offers to save (util.js download()). */
	private static final String CAPTURE_DOWNLOADS = """
			window.__downloads = [];
			const create = URL.createObjectURL;
			URL.createObjectURL = blob => { const url = create(blob); window.__downloads.push({ url, blob }); return url; };
			const click = HTMLAnchorElement.prototype.click;
			HTMLAnchorElement.prototype.click = function () {
			  const d = window.__downloads.find(x => x.url === this.href);
			  if (d) d.name = this.download; else click.call(this);
			};""";

	/** The last file offered: name, type, size, text (for text) and first bytes. */
	private static final String LAST_DOWNLOAD = """
			const done = arguments[arguments.length - 1];
			const d = window.__downloads[window.__downloads.length - 1];
			if (!d || !d.name) { done(null); return; }
			d.blob.arrayBuffer().then(buffer => {
			  const bytes = new Uint8Array(buffer);
			  const text = d.blob.type.startsWith('image/png') ? '' : new TextDecoder().decode(bytes);
			  const view = new DataView(buffer);
			  let base64 = '';
			  if (!text) { for (let i = 0; i < bytes.length; i += 32768) base64 += String.fromCharCode(...bytes.subarray(i, i + 32768)); base64 = btoa(base64); }
			  done({ name: d.name, type: d.blob.type, size: bytes.length, text, base64,
			    head: Array.from(bytes.slice(0, 8)).join(','),
			    pngWidth: bytes.length > 24 ? view.getUint32(16) : 0, pngHeight: bytes.length > 24 ? view.getUint32(20) : 0 });
			});""";

	private static WebDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startChromium() throws IOException {
		browser = HeadlessChromium.start();
		browser.manage().window().setSize(new Dimension(1280, 900));
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	static void stopChromium() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void figuresAreRoundedForPeopleNeverMinusZeroAndLabelsWrapWithoutBeingCut() {
		browser.get(base() + "/?consumer=EU&product=ndfeb-magnet&year=2026&threshold=0.5");
		waitFor(By.cssSelector("#chain svg g.supplier"));
		Map<String, Object> out = (Map<String, Object>) js().executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						import('/atlas/util.js').then(u => done({
						  pct: [0.87549, 1, 0, -0.0000001, -0.0004, 0.00049, -0.05, 0.9996, null, NaN].map(x => u.pct(x)),
						  pct0: [0.5, -0.004, 0.125].map(x => u.pct(x, 0)),
						  wrap: [u.wrap('Democratic Republic of the Congo', 60, t => t.length * 6), u.wrap('Molybdenum', 30, t => t.length * 6),
						    u.wrap('', 30, t => t.length * 6)],
						  csv: u.csv(['a', 'b'], [['x,y', 'say "hi"'], [0.5, null]]),
						  noData: [u.noData({ chinaExposure: 0, unknownShare: 1 }), u.noData({ chinaExposure: null }),
						    u.noData({ chinaExposure: 0, unknownShare: 0.2 }), u.noData(null)],
						}));""");
		assertThat((List<String>) out.get("pct")).containsExactly("87.5 %", "100.0 %", "0.0 %", "0.0 %", "0.0 %",
				"0.0 %", "-5.0 %", "100.0 %", "–", "–");
		assertThat((List<String>) out.get("pct0")).containsExactly("50 %", "0 %", "13 %");
		assertThat((List<List<String>>) out.get("wrap"))
			.containsExactly(List.of("Democratic", "Republic", "of the", "Congo"), List.of("Molybdenum"), List.of(""));
		assertThat(out.get("csv")).isEqualTo("a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n0.5,\r\n");
		assertThat((List<Boolean>) out.get("noData")).containsExactly(true, true, false, true);

		// a chain with long names: every supplier's label is its full name (wrapped over
		// lines), none is cut
		browser.get(base() + "/?consumer=EU&product=battery-electric-car&year=2026&threshold=0.5");
		waitFor(By.cssSelector("#chain svg g.supplier"));
		waitFor(By.cssSelector("#overview-rows tbody tr"));
		Map<String, String> countries = countryNames();
		List<Map<String, Object>> labels = (List<Map<String, Object>>) js().executeScript(
				"""
						return [...document.querySelectorAll('#chain svg g.supplier')].map(g => ({
						  country: g.dataset.country,
						  lines: [...g.querySelectorAll('.name tspan')].map(t => t.textContent),
						  widest: Math.max(...[...g.querySelectorAll('.name tspan')].map(t => t.getComputedTextLength())) }));""");
		int wrapped = 0;
		for (Map<String, Object> label : labels) {
			String country = (String) label.get("country");
			List<String> lines = (List<String>) label.get("lines");
			String text = String.join(" ", lines).replaceFirst("^◆ ", "").replaceFirst(" ✓$", "");
			if (countries.containsKey(country)) {
				assertThat(text).as(country).isEqualTo(countries.get(country));
			}
			assertThat(text).as(country).doesNotContain("…");
			// each line stays left of the bars (the name column is 100 px)
			assertThat(((Number) label.get("widest")).doubleValue()).as(country + " " + lines).isLessThan(100);
			if (lines.size() > 1) {
				wrapped++;
			}
		}
		assertThat(labels).hasSizeGreaterThan(10);
		assertThat(wrapped).as("labels over more than one line").isPositive();
		// the overview's product names are never cut either
		assertThat((List<String>) js().executeScript(
				"return [...document.querySelectorAll('#overview-chart .label')].filter(l => l.scrollWidth > l.clientWidth + 1).map(l => l.textContent)"))
			.isEmpty();
		assertNoMinusZero();
	}

	@Test
	@SuppressWarnings("unchecked")
	void offersTheChainAsCsvSvgAndPngAndTheTrendAsCsv() throws Exception {
		browser.get(base() + "/?consumer=EU&product=ndfeb-magnet&year=2026&threshold=0.5");
		WebElement china = waitFor(By.cssSelector(
				"g.stage-group[data-item='ndfeb-magnet'][data-stage='MANUFACTURING'] g.supplier[data-country='CHN']"));
		waitFor(By.cssSelector("#trend-rows tbody tr"));
		js().executeScript(CAPTURE_DOWNLOADS);

		browser.findElement(By.id("download-csv")).click();
		Map<String, Object> csv = lastDownload();
		assertThat(csv.get("name")).isEqualTo("chokepoint-ndfeb-magnet-eu-2026-traced.csv");
		assertThat((String) csv.get("type")).startsWith("text/csv");
		String[] rows = ((String) csv.get("text")).split("\r\n");
		assertThat(rows[0])
			.isEqualTo("consumer,product,year,sourcing,item,item_name,stage,supplier,supplier_name,share,"
					+ "allied,chokepoint,origin_china,source,fact_year,stage_hhi");
		String chinaShare = china.getAttribute("data-share");
		assertThat(rows).anySatisfy(row -> assertThat(row).startsWith(
				"EU,ndfeb-magnet,2026,traced,ndfeb-magnet,sintered NdFeB (neodymium-iron-boron) permanent magnet,MANUFACTURING,CHN,China,")
			.contains("," + chinaShare.substring(0, 6),
					",false,true,,guardian-2026-02-critical-minerals-alliance,2026,"));
		// every supplier drawn is a row, and the rows hold the ones summed up as "+n
		// more"
		long drawn = browser.findElements(By.cssSelector("#chain svg g.supplier"))
			.stream()
			.filter(g -> !g.getAttribute("data-country").startsWith("+"))
			.count();
		assertThat(rows.length - 1).isGreaterThanOrEqualTo((int) drawn);

		browser.findElement(By.id("download-svg")).click();
		Map<String, Object> svg = lastDownload();
		assertThat(svg.get("name")).isEqualTo("chokepoint-ndfeb-magnet-eu-2026-traced.svg");
		String svgText = (String) svg.get("text");
		assertThat(svgText).startsWith("<?xml")
			.contains("<svg", "xmlns=\"http://www.w3.org/2000/svg\"", "<style>",
					"sintered NdFeB (neodymium-iron-boron) permanent magnet for European Union, 2026, traced to origin",
					"chokepoint / sole source", "◆ China", "<title>China 87.5 %", base() + "/api/sources/")
			.doesNotContain("…", "-0.0 %");

		browser.findElement(By.id("download-png")).click();
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(d -> lastDownload() != null && String.valueOf(lastDownload().get("name")).endsWith(".png"));
		Map<String, Object> png = lastDownload();
		assertThat(png.get("name")).isEqualTo("chokepoint-ndfeb-magnet-eu-2026-traced.png");
		assertThat(png.get("type")).isEqualTo("image/png");
		assertThat(png.get("head")).isEqualTo("137,80,78,71,13,10,26,10");
		int svgWidth = Integer
			.parseInt(browser.findElement(By.cssSelector("#chain svg")).getDomAttribute("data-width"));
		assertThat(((Number) png.get("pngWidth")).intValue()).isEqualTo(2 * svgWidth);
		assertThat(((Number) png.get("size")).intValue()).isGreaterThan(20_000);
		// kept beside the screenshots, to look at
		Files.write(SCREENSHOTS.resolve("atlas-sharing-download.png"),
				java.util.Base64.getDecoder().decode((String) png.get("base64")));
		Files.writeString(SCREENSHOTS.resolve("atlas-sharing-download.svg"), svgText);

		// the trend: years on the x axis, the three shares, the year shown marked
		List<WebElement> years = browser.findElements(By.cssSelector("#trend-rows tbody tr"));
		assertThat(years).extracting(y -> y.getAttribute("data-year")).startsWith("2020").contains("2026");
		assertThat(browser.findElement(By.cssSelector("#trend-rows tr[data-year='2026']")).getText())
			.contains(percent("/api/chains/ndfeb-magnet?consumer=EU&year=2026", "chinaExposure"));
		assertThat(browser.findElements(By.cssSelector("#trend-chart svg path.area"))).hasSize(3);
		assertThat(browser.findElements(By.cssSelector("#trend-chart .axis.x .tick text")))
			.extracting(WebElement::getText)
			.contains("2020", "2026");
		assertThat(text("#trend-chart")).contains("2026 shown");
		browser.findElement(By.id("download-trend")).click();
		Map<String, Object> trend = lastDownload();
		assertThat(trend.get("name")).isEqualTo("chokepoint-trend-ndfeb-magnet-eu-2020-2026-traced.csv");
		assertThat((String) trend.get("text"))
			.startsWith("consumer,product,sourcing,year,china_exposure,unknown_share,china_free_share,worst_input\r\n")
			.contains("\r\nEU,ndfeb-magnet,traced,2026,0.92");

		// a tooltip on hover: the supplier, its share and its source
		new Actions(browser).moveToElement(china.findElement(By.cssSelector(".bar"))).perform();
		WebElement tip = new WebDriverWait(browser, Duration.ofSeconds(10))
			.until(ExpectedConditions.visibilityOfElementLocated(By.id("tip")));
		assertThat(tip.getText()).contains("China 87.5 %", "Source: guardian-2026-02-critical-minerals-alliance, 2026");
		screenshot("sharing-1-chain-tooltip");
		scrollTo("#trend-heading");
		screenshot("sharing-2-trend");
		assertNoMinusZero();
	}

	@Test
	void theWhatIfIsInTheUrlRestoredOnLoadAndKeptWhenTheProductChanges() {
		browser.get(base() + "/?consumer=USA&product=gan-gaas-semiconductor&year=2026&threshold=0.5"
				+ "&whatif=cut&cut=CHN&item=gallium&fraction=1");
		WebElement before = waitFor(By.cssSelector("#before-after"));
		assertThat(browser.findElement(By.cssSelector("input[name=kind][value=cut]")).isSelected()).isTrue();
		assertThat(browser.findElement(By.id("cut-country")).getDomProperty("value")).isEqualTo("CHN");
		assertThat(browser.findElement(By.id("cut-item")).getDomProperty("value")).isEqualTo("gallium");
		assertThat(before.getText()).contains("Before", "After");
		waitFor(By.cssSelector("#scenario-hits tr[data-product='gan-gaas-semiconductor']"));
		assertNoMinusZero();

		// another scenario run from the form goes into the URL
		browser.findElement(By.cssSelector("input[name=kind][value=date]")).click();
		js().executeScript("document.getElementById('scenario-date').value = '2024-12-03'");
		browser.findElement(By.cssSelector("#scenario-form button[type=submit]")).click();
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(d -> d.getCurrentUrl().contains("whatif=date") && d.getCurrentUrl().contains("on=2024-12-03"));
		assertThat(browser.getCurrentUrl()).doesNotContain("cut=CHN");
		waitFor(By.cssSelector("#scenario-hits tr[data-product='germanium-optics']"));
		scrollTo("#scenario-heading");
		screenshot("sharing-3-whatif");

		// choosing another product keeps the scenario, and runs it for that product
		js().executeScript("document.getElementById('scenario').replaceChildren()");
		browser.findElement(By.cssSelector("#overview-rows tr[data-product='germanium-optics'] a")).click();
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.until(d -> d.getCurrentUrl().contains("product=germanium-optics"));
		assertThat(browser.getCurrentUrl()).contains("whatif=date", "on=2024-12-03");
		waitFor(By.cssSelector("#scenario-hits tr[data-product='germanium-optics']"));

		// cleared: out of the URL
		browser.findElement(By.id("scenario-clear")).click();
		assertThat(browser.getCurrentUrl()).doesNotContain("whatif");
	}

	@Test
	@SuppressWarnings("unchecked")
	void theOverviewShowsNoDataAsGreyNeverAsGreen() {
		// no source attributes any of the EU's supply of a few shipped products
		// (bicycles,
		// aluminium doors): "no data"
		browser.get(base() + "/?consumer=EU&product=ndfeb-magnet&year=2026&threshold=0.5");
		waitFor(By.cssSelector("#overview-rows tbody tr"));
		List<Map<String, Object>> bars = (List<Map<String, Object>>) js().executeScript(
				"""
						return [...document.querySelectorAll('#overview-chart button')].map(b => {
						  const stack = b.querySelector('.stack');
						  const painted = [stack, ...stack.children].filter(e => e.offsetWidth > 0)
						    .map(e => getComputedStyle(e).backgroundColor + ' ' + getComputedStyle(e).backgroundImage);
						  return { nodata: stack.classList.contains('nodata'), value: b.querySelector('.value').textContent, painted };
						});""");
		assertThat(bars).isNotEmpty();
		for (Map<String, Object> bar : bars) {
			if (Boolean.TRUE.equals(bar.get("nodata"))) {
				assertThat(bar.get("value")).isEqualTo("no data");
			}
			// the China-free green (#1b6e3a) only where there is data
			List<String> painted = (List<String>) bar.get("painted");
			if (Boolean.TRUE.equals(bar.get("nodata"))) {
				assertThat(painted).noneMatch(p -> p.contains("rgb(27, 110, 58)"));
			}
		}
		assertThat(bars).anyMatch(b -> Boolean.TRUE.equals(b.get("nodata")));
		assertThat(
				browser.findElement(By.cssSelector("#overview-chart button[data-product='bicycle'] .value")).getText())
			.isEqualTo("no data");
		assertThat(browser.findElements(By.cssSelector("#overview-rows tr.nodata td.nodata")))
			.extracting(WebElement::getText)
			.containsOnly("no data");
		// and in the overview's CSV: no figures, no_data true
		js().executeScript(CAPTURE_DOWNLOADS);
		browser.findElement(By.id("download-overview")).click();
		Map<String, Object> csv = lastDownload();
		assertThat(csv.get("name")).isEqualTo("chokepoint-products-eu-2026-traced.csv");
		assertThat((String) csv.get("text")).startsWith(
				"consumer,year,sourcing,product,product_name,china_exposure,unknown_share,china_free_share,no_data,single_points_of_failure,worst_input\r\n")
			.contains("\r\nEU,2026,traced,bicycle,", ",,,,true,")
			.contains("\r\nEU,2026,traced,ndfeb-magnet,sintered NdFeB (neodymium-iron-boron) permanent magnet,0.92");
		scrollTo("#overview-heading");
		screenshot("sharing-4-overview-no-data");
		assertNoMinusZero();
	}

	@Test
	@SuppressWarnings("unchecked")
	void theWorldHeatMapDrawsEveryCellOfTheMatrixWithItsFigure() {
		browser.get(base() + "/?consumer=EU&product=ndfeb-magnet&year=2026&threshold=0.5");
		waitFor(By.cssSelector("#overview-rows tbody tr"));
		browser.findElement(By.id("world-show")).click();
		waitFor(By.cssSelector("#world .heatmap-picture .cell"));
		Map<String, Object> matrix = (Map<String, Object>) js().executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						fetch('/api/exposure/matrix?year=2026&sourcing=traced&threshold=0.5', { headers: { Accept: 'application/json' } })
						  .then(r => r.json()).then(done);""");
		List<Map<String, Object>> cells = (List<Map<String, Object>>) matrix.get("cells");
		assertThat(cells).isNotEmpty();
		assertThat(browser.findElements(By.cssSelector("#world .heatmap-picture .cell"))).hasSize(cells.size());
		Map<String, Object> magnets = cells.stream()
			.filter(c -> "EU".equals(c.get("consumer")) && "ndfeb-magnet".equals(c.get("product")))
			.findFirst()
			.orElseThrow();
		String drawn = browser
			.findElement(By.cssSelector("#world .cell[data-consumer='EU'][data-product='ndfeb-magnet']"))
			.getDomAttribute("data-china");
		assertThat(Double.parseDouble(drawn)).isCloseTo(((Number) magnets.get("chinaExposure")).doubleValue(),
				org.assertj.core.api.Assertions.within(1e-6));
		// a cell without data is hatched grey, never coloured as a figure
		for (WebElement cell : browser.findElements(By.cssSelector("#world .cell.nodata"))) {
			assertThat(cell.getDomAttribute("fill")).isEqualTo("url(#nodata-hatch)");
		}
		// every column label (a product's full name, drawn at -45 degrees) lies inside
		// the
		// picture: none runs off its top or right edge
		List<Map<String, Object>> outside = (List<Map<String, Object>>) js().executeScript(
				"""
						const svg = document.querySelector('#world .heatmap-picture');
						const box = svg.getBoundingClientRect();
						const view = svg.viewBox.baseVal;
						const sx = box.width / view.width, sy = box.height / view.height;
						const labels = [...svg.querySelectorAll('.col-labels text')];
						if (!labels.length) return [{ label: 'no column label drawn' }];
						return labels.map(t => {
						  const r = t.getBoundingClientRect();
						  return { label: t.firstChild.nodeValue, width: r.width, left: (r.left - box.left) / sx, top: (r.top - box.top) / sy,
						    right: (r.right - box.left) / sx, bottom: (r.bottom - box.top) / sy, viewWidth: view.width, viewHeight: view.height };
						}).filter(b => !(b.width > 0) || b.left < view.x - 0.5 || b.top < view.y - 0.5
						  || b.right > view.x + view.width + 0.5 || b.bottom > view.y + view.height + 0.5);""");
		assertThat(outside).as("column labels outside the heat map's viewBox").isEmpty();
		// the labels are the full names, the longest of the shipped data among them
		List<String> labels = (List<String>) js().executeScript(
				"return [...document.querySelectorAll('#world .heatmap-picture .col-labels text')].map(t => t.firstChild.nodeValue)");
		assertThat(labels).hasSize(((List<?>) matrix.get("products")).size())
			.anyMatch(label -> label.length() > 60)
			.noneMatch(label -> label.contains("\u2026"));
		js().executeScript("document.querySelector('#world .heatmap-picture').scrollIntoView()");
		screenshot("sharing-5-world-heat-map");
		assertNoMinusZero();
	}

	private void assertNoMinusZero() {
		String all = (String) js().executeScript(
				"return document.body.innerText + ' ' + [...document.querySelectorAll('svg text, [data-tip]')].map(t => t.textContent + ' ' + (t.dataset ? t.dataset.tip || '' : '')).join(' ')");
		assertThat(all).doesNotContain("-0.0 %", "-0 %", "−0.0 %");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> lastDownload() {
		return (Map<String, Object>) js().executeAsyncScript(LAST_DOWNLOAD);
	}

	@SuppressWarnings("unchecked")
	private Map<String, String> countryNames() {
		List<Map<String, Object>> items = (List<Map<String, Object>>) js().executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						fetch('/api/countries?size=500', { headers: { Accept: 'application/json' } }).then(r => r.json()).then(j => done(j.items));""");
		Map<String, String> names = new HashMap<>();
		items.forEach(i -> names.put((String) i.get("iso3"), (String) i.get("name")));
		return names;
	}

	private JavascriptExecutor js() {
		return (JavascriptExecutor) browser;
	}

	private WebElement waitFor(By locator) {
		return new WebDriverWait(browser, Duration.ofSeconds(90))
			.until(ExpectedConditions.presenceOfElementLocated(locator));
	}

	private String text(String css) {
		return browser.findElement(By.cssSelector(css)).getText();
	}

	private void scrollTo(String css) {
		js().executeScript("document.querySelector(arguments[0]).scrollIntoView()", css);
	}

	private void screenshot(String name) {
		try {
			Path file = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
			Files.copy(file, SCREENSHOTS.resolve("atlas-" + name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	/** A share of a REST answer as the atlas writes it: one decimal of a percent. */
	private String percent(String path, String field) throws IOException, InterruptedException {
		String body = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create(base() + path)).header("Accept", "application/json").build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher m = Pattern.compile("\"" + field + "\":([-0-9.eE]+)").matcher(body);
		assertThat(m.find()).as(body).isTrue();
		return String.format(Locale.ROOT, "%.1f %%", 100 * Double.parseDouble(m.group(1)));
	}

	private String base() {
		return "http://localhost:" + this.port;
	}

}
