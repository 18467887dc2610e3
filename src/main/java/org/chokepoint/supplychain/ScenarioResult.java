package org.chokepoint.supplychain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.chokepoint.supplymix.Sourcing;

import org.chokepoint.csv.CsvAnswer;

/**
 * What a disruption does: the consumers and products hit, largest loss first. Before and
 * after figures are fractions (0..1); after a cut they are shares of the supply that
 * remains.
 *
 * @param year the facts' year
 * @param sourcing whose mixes the chains used: traced (the default: a cut reaches a
 * target's supply whatever route it took) or direct (only the cutting country's direct
 * flows)
 * @param measuresInForceOn the date whose measures were applied, if any
 * @param licenceCut the assumed cut of a licence requirement (0..1), echoed
 * @param disruptions every cut applied
 * @param measures the measures in force that were turned into cuts
 * @param notModelled measures in force that cut no supply in this model (tariffs,
 * technology bans, quotas)
 * @param statusUnknown measures whose status on that date nobody has reported (a
 * suspension ran out without news): not cut, listed so that the answer does not silently
 * treat them as back in force
 * @param consumers the consumers whose chains were tested
 * @param hits per consumer and product hit, ranked by supplyLost
 */
public record ScenarioResult(int year, Sourcing sourcing, LocalDate measuresInForceOn, double licenceCut,
		List<Cut> disruptions, List<MeasureApplied> measures, List<String> notModelled, List<String> statusUnknown,
		List<String> consumers, List<Hit> hits) implements CsvAnswer {

	/** As CSV: the hits, one row each, with before and after figures side by side. */
	@Override
	public List<String> csvColumns() {
		List<String> columns = new ArrayList<>(List.of("year", "consumer", "product", "supply_lost_fraction"));
		columns.addAll(ChainFigures.csvColumns("before"));
		columns.addAll(ChainFigures.csvColumns("after"));
		columns.addAll(List.of("cut_inputs", "cut_items"));
		return columns;
	}

	@Override
	public List<List<Object>> csvRows() {
		return this.hits.stream().map(hit -> {
			List<Object> row = new ArrayList<>(
					Arrays.<Object>asList(this.year, hit.consumer(), hit.product(), hit.supplyLost()));
			row.addAll(ChainFigures.csvCells(hit.before()));
			row.addAll(ChainFigures.csvCells(hit.after()));
			row.add(hit.causes().stream().map(Cause::input).distinct().toList());
			row.add(hit.causes().stream().flatMap(c -> c.cutItems().stream()).distinct().sorted().toList());
			return row;
		}).toList();
	}

	/**
	 * {@code scenario-2026}, with the day of the measures applied and the consumers when
	 * there are few: {@code scenario-2026-2024-12-03-USA}.
	 */
	@Override
	public String csvFileName() {
		return CsvAnswer.fileName("scenario", this.year, this.measuresInForceOn,
				(this.consumers.size() <= 3) ? String.join("_", this.consumers) : null,
				(this.sourcing == Sourcing.DIRECT) ? "direct" : null);
	}

	/**
	 * A trade measure turned into a cut.
	 *
	 * @param measure its id
	 * @param imposer who imposes it
	 * @param type EXPORT_BAN (cut 1) or EXPORT_LICENCE (cut licenceCut)
	 * @param items what it restricts
	 * @param targets whom (empty: every destination)
	 * @param fraction the cut applied
	 */
	public record MeasureApplied(String measure, String imposer, String type, List<String> items, List<String> targets,
			double fraction) {
	}

	/**
	 * A consumer's product hit by the disruption.
	 *
	 * @param consumer the consumer
	 * @param product the product
	 * @param supplyLost 1 - the smallest remaining supply of its input chains (0..1)
	 * @param before the product's figures without the disruption
	 * @param after its figures with it, as shares of what remains (null when nothing
	 * remains)
	 * @param causes the input chains that lost supply, and the cut items on them
	 */
	public record Hit(String consumer, String product, double supplyLost, ChainFigures before, ChainFigures after,
			List<Cause> causes) {
	}

	/**
	 * An input chain that lost supply.
	 *
	 * @param input the chain's leaf item
	 * @param supplyLost the part of it lost (0..1)
	 * @param cutItems the items on it that a disruption cuts
	 */
	public record Cause(String input, double supplyLost, List<String> cutItems) {
	}

}
