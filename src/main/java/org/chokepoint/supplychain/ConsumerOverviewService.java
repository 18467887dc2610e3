package org.chokepoint.supplychain;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.chokepoint.supplymix.Sourcing;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** All products for one consumer: exposure table and single points of failure. */
@Service
@Transactional(readOnly = true)
class ConsumerOverviewService {

	private final ChainAnalysisService chains;

	private final Alliances alliances;

	private final Catalogue catalogue;

	ConsumerOverviewService(ChainAnalysisService chains, Alliances alliances, Catalogue catalogue) {
		this.chains = chains;
		this.alliances = alliances;
		this.catalogue = catalogue;
	}

	ConsumerOverview overview(String consumer, int year, double threshold, LocalDate asOf, Sourcing sourcing) {
		return overview(consumer, year, threshold, asOf, sourcing, ChainEngine.PROJECTION, Detail.FULL);
	}

	/**
	 * Every product's chain for {@code consumer}, computed by {@code engine}; its single
	 * points of failure list their alternatives as {@code detail} says (the figures and
	 * the points themselves are the same either way).
	 */
	ConsumerOverview overview(String consumer, int year, double threshold, LocalDate asOf, Sourcing sourcing,
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
