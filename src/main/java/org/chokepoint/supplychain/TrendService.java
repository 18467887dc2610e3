package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import org.chokepoint.supplychain.ChainComputation.BuyerSplit;
import org.chokepoint.supplychain.ChainComputation.ItemFacts;
import org.chokepoint.supplychain.ChainComputation.StageFacts;
import org.chokepoint.supplymix.Sourcing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A consumer's figures for a product year by year ({@link Trend}), each year's chain as
 * {@link ChainQuery#run} keeps it: without a transaction while a projection serves (its
 * begin and commit would cost about 1 ms, more than a year's chain at the benchmark's I
 * size), before the first projection in one read transaction.
 */
@Service
@Transactional(readOnly = true)
class TrendService {

	private final ChainQuery chains;

	private final Catalogue catalogue;

	private final ChainProjections projections;

	/** A read transaction, before the first projection is served. */
	private final TransactionTemplate readOnly;

	TrendService(ChainQuery chains, Catalogue catalogue, ChainProjections projections,
			PlatformTransactionManager transactions) {
		this.chains = chains;
		this.catalogue = catalogue;
		this.projections = projections;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	Trend trend(String consumer, String product, int from, int to, Sourcing sourcing) {
		if (this.projections.serving() != null) {
			return compute(consumer, product, from, to, sourcing);
		}
		return this.readOnly.execute(status -> compute(consumer, product, from, to, sourcing));
	}

	private Trend compute(String consumer, String product, int from, int to, Sourcing sourcing) {
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
