package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.chokepoint.supplychain.ChainComputation.BuyerSplit;
import org.chokepoint.supplychain.ChainComputation.ItemFacts;
import org.chokepoint.supplychain.ChainComputation.StageFacts;
import org.chokepoint.supplymix.Sourcing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A consumer's figures for a product year by year ({@link Trend}). */
@Service
@Transactional(readOnly = true)
class TrendService {

	private final ChainQuery chains;

	private final Catalogue catalogue;

	TrendService(ChainQuery chains, Catalogue catalogue) {
		this.chains = chains;
		this.catalogue = catalogue;
	}

	Trend trend(String consumer, String product, int from, int to, Sourcing sourcing) {
		this.catalogue.requireProduct(product);
		this.catalogue.requireConsumer(consumer);
		List<Trend.Year> years = new ArrayList<>();
		for (int year = from; year <= to; year++) {
			ChainComputation chain = this.chains.run(product, consumer, year, sourcing, List.of());
			years.add(new Trend.Year(year, chain.chinaExposure(), chain.unknownShare(), chain.chinaFreeShare(),
					chain.worstInput(), stages(chain)));
		}
		return new Trend(consumer, product, sourcing, from, to, List.copyOf(years));
	}

	private static List<Trend.StageYears> stages(ChainComputation chain) {
		List<Trend.StageYears> stages = new ArrayList<>();
		for (ItemFacts item : chain.facts()) {
			for (StageFacts stage : item.stages()) {
				TreeSet<Long> mixYears = new TreeSet<>();
				for (BuyerSplit split : stage.sourcing()) {
					mixYears.add(split.year());
				}
				stages.add(new Trend.StageYears(item.item(), stage.stage(), stage.globalYear(), List.copyOf(mixYears)));
			}
		}
		stages.sort(java.util.Comparator.comparing(Trend.StageYears::item).thenComparing(Trend.StageYears::stage));
		return List.copyOf(stages);
	}

}
