package org.chokepoint.supplychain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import org.chokepoint.supplychain.ChainAnalysis.ItemExposure;
import org.chokepoint.supplychain.ChainAnalysis.PathStep;
import org.chokepoint.supplychain.ChainAnalysis.SupplyPath;
import org.chokepoint.supplychain.ChainComputation.InputChain;
import org.chokepoint.supplymix.Sourcing;

import org.springframework.cache.annotation.Cacheable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** The chain analysis of one product for one consumer (domain.md, metrics 1 to 5). */
@Service
@Transactional(readOnly = true)
class ChainAnalysisService {

	/**
	 * The worst input chain first: highest China exposure, then lowest China-free share,
	 * ties by leaf item id, then by position ({@link ChainCalculator#WORST_FIRST}).
	 */
	static final Comparator<InputChain> WORST_FIRST = ChainCalculator.WORST_FIRST;

	private final ChainQuery chains;

	private final ChainCypher cypher;

	private final Alliances alliances;

	private final Catalogue catalogue;

	private final ChainProjections projections;

	/** A read transaction for what is not cached yet. */
	private final TransactionTemplate readOnly;

	ChainAnalysisService(ChainQuery chains, ChainCypher cypher, Alliances alliances, Catalogue catalogue,
			ChainProjections projections, PlatformTransactionManager transactions) {
		this.chains = chains;
		this.cypher = cypher;
		this.alliances = alliances;
		this.catalogue = catalogue;
		this.projections = projections;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
	}

	/**
	 * The data version the analyses are of (the serving projection's): the ETag of their
	 * responses. Outside a transaction: beginning and committing one would cost two round
	 * trips to the database for a value {@link DataVersion} usually holds.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	String dataVersion() {
		return this.projections.servedVersion();
	}

	/**
	 * Analyses the chain of {@code product} for {@code consumer}, once per data version:
	 * a cached answer comes without a transaction (see dataVersion), a new one in a read
	 * transaction.
	 * @param paths how many of the heaviest paths to list (0: none)
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	@Cacheable(cacheNames = CachingConfiguration.ANALYSES, keyGenerator = CachingConfiguration.VERSIONED_KEYS)
	ChainAnalysis analyse(String product, String consumer, int year, double threshold, LocalDate asOf, int paths,
			Sourcing sourcing) {
		return analyseIn(ChainEngine.PROJECTION, product, consumer, year, threshold, asOf, paths, sourcing,
				Detail.FULL);
	}

	/**
	 * As {@link #analyse(String, String, int, double, LocalDate, int, Sourcing)}, the
	 * chain computed by {@code engine}, listing as {@code detail} says.
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	@Cacheable(cacheNames = CachingConfiguration.ANALYSES, keyGenerator = CachingConfiguration.VERSIONED_KEYS)
	ChainAnalysis analyse(String product, String consumer, int year, double threshold, LocalDate asOf, int paths,
			Sourcing sourcing, ChainEngine engine, Detail detail) {
		return analyseIn(engine, product, consumer, year, threshold, asOf, paths, sourcing, detail);
	}

	/**
	 * Without a transaction when the projection serves: everything the analysis reads is
	 * in memory then ({@link ReferenceFacts}), and a transaction's begin and commit would
	 * be two round trips to the database for nothing.
	 */
	private ChainAnalysis analyseIn(ChainEngine engine, String product, String consumer, int year, double threshold,
			LocalDate asOf, int paths, Sourcing sourcing, Detail detail) {
		if (engine == ChainEngine.PROJECTION && this.projections.serving() != null) {
			return analyseUncached(product, consumer, year, threshold, asOf, paths, sourcing, engine, detail);
		}
		return this.readOnly.execute(
				status -> analyseUncached(product, consumer, year, threshold, asOf, paths, sourcing, engine, detail));
	}

	private ChainAnalysis analyseUncached(String product, String consumer, int year, double threshold, LocalDate asOf,
			int paths, Sourcing sourcing, ChainEngine engine, Detail detail) {
		this.catalogue.requireProduct(product);
		this.catalogue.requireConsumer(consumer);
		Set<String> minerals = this.catalogue.minerals();
		return analyse(product, consumer, year, threshold, asOf, paths, minerals,
				this.alliances.of(consumer, asOf, minerals), this.catalogue.stockpileDaysOfCover(consumer, year),
				sourcing, engine, detail);
	}

	/**
	 * The analysis from what the caller read (minerals, allies, stockpiles), the chain
	 * computed by {@code engine}; in the caller's transaction, if any, never one of its
	 * own: {@code engine=cypher} and a chain before the first projection read the
	 * database, so their callers hold a read transaction ({@link ConsumerOverviewService}
	 * does), and a projection's chain reads nothing (an overview of every product would
	 * otherwise begin and commit one per product).
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	ChainAnalysis analyse(String product, String consumer, int year, double threshold, LocalDate asOf, int paths,
			Set<String> minerals, Alliances.Of allies, Map<String, Double> stockpiles, Sourcing sourcing,
			ChainEngine engine, Detail detail) {
		return analyse(product, consumer, year, threshold, asOf, paths, minerals, allies, stockpiles, sourcing, detail,
				mixes -> chain(product, consumer, year, mixes, engine));
	}

	/**
	 * The analysis of the traced chain from {@code projection} alone, without the caches
	 * (nothing is kept): what {@link AnalysisWarmUp} runs.
	 */
	static ChainAnalysis analyseUncached(ChainProjection projection, String product, String consumer, int year,
			double threshold, LocalDate asOf) {
		ReferenceFacts reference = projection.reference();
		Set<String> minerals = reference.minerals();
		return analyse(product, consumer, year, threshold, asOf, 0, minerals,
				reference.alliances(consumer, asOf, minerals), reference.stockpileDaysOfCover(consumer, year),
				Sourcing.TRACED, Detail.SUMMARY,
				mixes -> ChainQuery.compute(projection, product, consumer, year, mixes, List.of()));
	}

	private static ChainAnalysis analyse(String product, String consumer, int year, double threshold, LocalDate asOf,
			int paths, Set<String> minerals, Alliances.Of allies, Map<String, Double> stockpiles, Sourcing sourcing,
			Detail detail, Function<Sourcing, ChainComputation> chains) {
		ChainComputation chain = chains.apply(sourcing);
		// direct: what each supplier passes on, from the traced mixes of the same chain's
		// items
		ChainComputation traced = sourcing == Sourcing.DIRECT ? chains.apply(Sourcing.TRACED) : null;
		ChainReport report = new ChainReport(chain, consumer, allies, minerals, traced, detail, threshold);
		List<ItemExposure> items = report.items();
		List<SupplyPath> heaviest = paths == 0 ? List.of()
				: PathFinder.heaviest(chain, consumer, paths)
					.stream()
					.map(p -> new SupplyPath(p.weight(),
							p.steps().stream().map(s -> new PathStep(s.item(), s.stage(), s.country())).toList()))
					.toList();
		return new ChainAnalysis(product, consumer, year, asOf, threshold, sourcing, ChainFigures.of(chain),
				chain.worstInput(), items, report.singlePointsOfFailure(product, items, stockpiles),
				chain.gaps()
					.stream()
					.map(g -> new ChainAnalysis.DataGap(g.item(), g.stage(), g.buyer(), g.weight()))
					.toList(),
				heaviest);
	}

	private ChainComputation chain(String product, String consumer, int year, Sourcing sourcing, ChainEngine engine) {
		if (engine == ChainEngine.PROJECTION) {
			return this.chains.run(product, consumer, year, sourcing, List.of());
		}
		ChainComputation chain = this.cypher.run(product, consumer, year, sourcing, List.of());
		if (chain == null) {
			throw new org.chokepoint.web.NotFoundException("product", product);
		}
		return chain;
	}

}
