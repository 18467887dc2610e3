package org.chokepoint.supplychain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chokepoint.supplymix.Sourcing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * All products for one consumer: exposure table and single points of failure. Without a
 * transaction while a projection serves (everything it reads is in memory then, and a
 * transaction's begin and commit are two round trips to the database: across a network to
 * a cluster or Aura, more than the answer), before the first projection in one read
 * transaction.
 */
@Service
@Transactional(readOnly = true)
class ConsumerOverviewService {

	private final ChainAnalysisService chains;

	private final Alliances alliances;

	private final Catalogue catalogue;

	private final ChainProjections projections;

	/** A read transaction, before the first projection is served. */
	private final TransactionTemplate readOnly;

	ConsumerOverviewService(ChainAnalysisService chains, Alliances alliances, Catalogue catalogue,
			ChainProjections projections, PlatformTransactionManager transactions) {
		this.chains = chains;
		this.alliances = alliances;
		this.catalogue = catalogue;
		this.projections = projections;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	ConsumerOverview overview(String consumer, int year, double threshold, LocalDate asOf, Sourcing sourcing) {
		return overview(consumer, year, threshold, asOf, sourcing, ChainEngine.PROJECTION, Detail.FULL);
	}

	/**
	 * Every product's chain for {@code consumer}, computed by {@code engine}; its single
	 * points of failure list their alternatives as {@code detail} says (the figures and
	 * the points themselves are the same either way).
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	ConsumerOverview overview(String consumer, int year, double threshold, LocalDate asOf, Sourcing sourcing,
			ChainEngine engine, Detail detail) {
		if (engine == ChainEngine.PROJECTION && this.projections.serving() != null) {
			return compute(consumer, year, threshold, asOf, sourcing, engine, detail);
		}
		return this.readOnly.execute(status -> compute(consumer, year, threshold, asOf, sourcing, engine, detail));
	}

	private ConsumerOverview compute(String consumer, int year, double threshold, LocalDate asOf, Sourcing sourcing,
			ChainEngine engine, Detail detail) {
		this.catalogue.requireConsumer(consumer);
		Set<String> minerals = this.catalogue.minerals();
		Alliances.Of allies = this.alliances.of(consumer, asOf, minerals);
		Map<String, Double> stockpiles = this.catalogue.stockpileDaysOfCover(consumer, year);
		List<ConsumerOverview.ProductExposure> products = new ArrayList<>();
		List<ChainAnalysis.SinglePointOfFailure> spofs = new ArrayList<>();
		for (String product : this.catalogue.products()) {
			ChainAnalysis analysis = this.chains.analyse(product, consumer, year, threshold, asOf, 0, minerals, allies,
					stockpiles, sourcing, engine, detail);
			products.add(new ConsumerOverview.ProductExposure(product, analysis.figures(), analysis.worstInput(),
					analysis.singlePointsOfFailure().size()));
			spofs.addAll(analysis.singlePointsOfFailure());
		}
		products.sort(Comparator
			.comparing((ConsumerOverview.ProductExposure p) -> p.figures().chinaExposure() == null ? -1.0
					: p.figures().chinaExposure(), Comparator.reverseOrder())
			.thenComparing(ConsumerOverview.ProductExposure::product));
		spofs.sort(Comparator.comparingDouble(ChainAnalysis.SinglePointOfFailure::share)
			.reversed()
			.thenComparing(ChainAnalysis.SinglePointOfFailure::product)
			.thenComparing(ChainAnalysis.SinglePointOfFailure::item)
			.thenComparing(ChainAnalysis.SinglePointOfFailure::stage)
			.thenComparing(ChainAnalysis.SinglePointOfFailure::country));
		return new ConsumerOverview(consumer, year, threshold, products, spofs);
	}

}
