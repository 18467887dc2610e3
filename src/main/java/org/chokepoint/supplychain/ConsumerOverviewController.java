package org.chokepoint.supplychain;

import org.chokepoint.lookup.Years;
import org.chokepoint.lookup.Parties;
import org.chokepoint.web.ApiParameters;
import org.chokepoint.web.ApiTags;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import org.chokepoint.csv.CsvAnswer;

import org.chokepoint.supplymix.Sourcing;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/spof}: every product's single points of failure for a consumer, ranked;
 * {@code GET /api/exposure}: every product's China exposure for a consumer.
 */
@Tag(name = ApiTags.CHAINS)
@RestController
class ConsumerOverviewController {

	private final ConsumerOverviewService service;

	private final Parties parties;

	private final Years years;

	ConsumerOverviewController(ConsumerOverviewService service, Parties parties, Years years) {
		this.service = service;
		this.parties = parties;
		this.years = years;
	}

	@Operation(summary = "Every product's single points of failure for a consumer, largest stage share first",
			description = "For every product the consumer's chain has, the suppliers whose stage share reaches the threshold, with their alternatives (allied ones marked) and the consumer's stockpile cover in days.")
	@GetMapping("/api/spof")
	SpofList spof(
			@Parameter(description = ApiParameters.CONSUMER,
					required = true) @RequestParam @ParameterRules.Key String consumer,
			@Parameter(description = ApiParameters.THRESHOLD) @RequestParam(
					defaultValue = ParameterRules.DEFAULT_THRESHOLD) @ParameterRules.Fraction double threshold,
			@Parameter(description = ApiParameters.YEAR) @RequestParam(
					required = false) @ParameterRules.Year Integer year,
			@Parameter(description = ApiParameters.AS_OF) @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@Parameter(description = ApiParameters.SOURCING,
					schema = @Schema(type = "string", allowableValues = { "traced", "direct" },
							defaultValue = "traced")) @RequestParam(defaultValue = "traced") Sourcing sourcing,
			@Parameter(description = ApiParameters.ENGINE,
					schema = @Schema(type = "string", allowableValues = { "projection", "cypher" },
							defaultValue = "projection")) @RequestParam(defaultValue = "projection") ChainEngine engine,
			@Parameter(description = ApiParameters.SPOF_DETAIL,
					schema = @Schema(type = "string", allowableValues = { "summary", "full" },
							defaultValue = "summary")) @RequestParam(defaultValue = "summary") Detail detail) {
		ConsumerOverview overview = overview(consumer, threshold, year, asOf, sourcing, engine, detail);
		return new SpofList(overview.consumer(), overview.year(), sourcing, overview.threshold(),
				overview.singlePointsOfFailure());
	}

	@Operation(summary = "Every product's China exposure for a consumer, highest first",
			description = "For every product, the consumer's China exposure, unknown and China-free shares (fractions 0..1), its worst input and its number of single points of failure. JSON, or CSV with Accept: text/csv.")
	@GetMapping("/api/exposure")
	ExposureTable exposure(
			@Parameter(description = ApiParameters.CONSUMER,
					required = true) @RequestParam @ParameterRules.Key String consumer,
			@Parameter(description = ApiParameters.YEAR) @RequestParam(
					required = false) @ParameterRules.Year Integer year,
			@Parameter(description = ApiParameters.THRESHOLD) @RequestParam(
					defaultValue = ParameterRules.DEFAULT_THRESHOLD) @ParameterRules.Fraction double threshold,
			@Parameter(description = ApiParameters.AS_OF) @RequestParam(required = false) @DateTimeFormat(
					iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
			@Parameter(description = ApiParameters.SOURCING,
					schema = @Schema(type = "string", allowableValues = { "traced", "direct" },
							defaultValue = "traced")) @RequestParam(defaultValue = "traced") Sourcing sourcing,
			@Parameter(description = ApiParameters.ENGINE,
					schema = @Schema(type = "string", allowableValues = { "projection", "cypher" },
							defaultValue = "projection")) @RequestParam(
									defaultValue = "projection") ChainEngine engine) {
		// the figures only: no list of the chains is shown, so none is made in full
		ConsumerOverview overview = overview(consumer, threshold, year, asOf, sourcing, engine, Detail.SUMMARY);
		return new ExposureTable(overview.consumer(), overview.year(), sourcing, overview.products());
	}

	/**
	 * Defaults: this year's facts (or the newest before), the agreements in force today.
	 */
	private ConsumerOverview overview(String consumer, double threshold, Integer year, LocalDate asOf,
			Sourcing sourcing, ChainEngine engine, Detail detail) {
		this.years.check("year", year);
		return this.service.overview(this.parties.consumer(consumer), (year != null) ? year : LocalDate.now().getYear(),
				threshold, (asOf != null) ? asOf : LocalDate.now(), sourcing, engine, detail);
	}

	/**
	 * The single points of failure of all products for a consumer, largest share first.
	 */
	record SpofList(String consumer, int year, Sourcing sourcing, double threshold,
			java.util.List<ChainAnalysis.SinglePointOfFailure> items) implements CsvAnswer {

		@Override
		public List<String> csvColumns() {
			return List.of("consumer", "year", "threshold_fraction", "product", "item", "stage", "country",
					"share_fraction", "kind", "alternatives", "allied_alternatives", "other_alternatives",
					"other_alternatives_share_fraction", "days_of_cover");
		}

		@Override
		public List<List<Object>> csvRows() {
			return this.items.stream()
				.map(s -> Arrays.<Object>asList(this.consumer, this.year, this.threshold, s.product(), s.item(),
						s.stage(), s.country(), s.share(), s.kind(),
						s.alternatives().stream().map(ChainAnalysis.Alternative::country).toList(),
						s.alternatives()
							.stream()
							.filter(ChainAnalysis.Alternative::allied)
							.map(ChainAnalysis.Alternative::country)
							.toList(),
						s.otherAlternatives().count(), s.otherAlternatives().share(), s.stockpileDaysOfCover()))
				.toList();
		}

		/** {@code spof-EU-2026}. */
		@Override
		public String csvFileName() {
			return CsvAnswer.fileName("spof", this.consumer, this.year,
					(this.sourcing == Sourcing.DIRECT) ? "direct" : null);
		}

	}

	/** Every product's China exposure for a consumer, highest first. */
	record ExposureTable(String consumer, int year, Sourcing sourcing,
			java.util.List<ConsumerOverview.ProductExposure> items) implements CsvAnswer {

		@Override
		public List<String> csvColumns() {
			List<String> columns = new ArrayList<>(List.of("consumer", "year", "product"));
			columns.addAll(ChainFigures.csvColumns(""));
			columns.addAll(List.of("worst_input", "single_points_of_failure"));
			return columns;
		}

		@Override
		public List<List<Object>> csvRows() {
			return this.items.stream().map(p -> {
				List<Object> row = new ArrayList<>(Arrays.<Object>asList(this.consumer, this.year, p.product()));
				row.addAll(ChainFigures.csvCells(p.figures()));
				row.addAll(Arrays.<Object>asList(p.worstInput(), p.singlePointsOfFailure()));
				return row;
			}).toList();
		}

		/** {@code exposure-EU-2026}. */
		@Override
		public String csvFileName() {
			return CsvAnswer.fileName("exposure", this.consumer, this.year,
					(this.sourcing == Sourcing.DIRECT) ? "direct" : null);
		}

	}

}
