package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.chokepoint.supplymix.Sourcing;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.neo4j.core.Neo4jClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The world matrix ({@link WorldMatrix}): the facts of every product's items are taken
 * once from the served {@link ChainProjection} (before the first is built, from
 * chain-facts.cypher, as {@link ChainQuery} does), then each consumer's row is computed
 * on a bounded pool (one thread per core), every cell with the same calculator as a
 * single chain ({@link ChainCalculator#cell}: the same sums, without the lists a report
 * needs). When the projection serves, the matrix asks the database nothing and opens no
 * transaction (its begin and commit cost more than a matrix of one cell); before the
 * first projection it reads in one read transaction.
 */
@Service
@Transactional(readOnly = true)
class WorldMatrixService implements DisposableBean {

	/**
	 * The consumers with a supply mix of their own as of the year (chain-facts.cypher's
	 * rule).
	 */
	private static final String WITH_DATA = """
			MATCH (:Party)-[f:SOURCING_SPLIT {sourcing: $sourcing}]->(item:Item)
			WHERE f.year <= $year
			WITH item, f.stage AS stage, max(f.year) AS asOf
			MATCH (b:Party)-[f:SOURCING_SPLIT {sourcing: $sourcing, stage: stage, year: asOf}]->(item)
			RETURN DISTINCT b.code AS code
			""";

	private final Neo4jClient client;

	private final Catalogue catalogue;

	private final ChainFactsQuery facts;

	private final ChainProjections projections;

	private final ExecutorService pool;

	/** A read transaction, before the first projection is served. */
	private final TransactionTemplate readOnly;

	WorldMatrixService(Neo4jClient client, Catalogue catalogue, ChainFactsQuery facts, ChainProjections projections,
			PlatformTransactionManager transactions) {
		this.client = client;
		this.readOnly = new TransactionTemplate(transactions);
		this.readOnly.setReadOnly(true);
		this.catalogue = catalogue;
		this.facts = facts;
		this.projections = projections;
		AtomicInteger count = new AtomicInteger();
		this.pool = Executors.newFixedThreadPool(Math.max(1, Runtime.getRuntime().availableProcessors()), runnable -> {
			Thread thread = new Thread(runnable, "world-matrix-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/**
	 * The matrix of the consumers with data (those of {@code consumers}, or all) by the
	 * products (those of {@code products}, or all).
	 * @param consumers consumer codes to restrict the rows to, or empty for all
	 * @param products product ids to restrict the columns to, or empty for all
	 */
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	WorldMatrix matrix(int year, Sourcing sourcing, double threshold, List<String> consumers, List<String> products) {
		ChainProjection projection = this.projections.serving();
		if (projection != null) {
			return matrix(projection, year, sourcing, threshold, consumers, products);
		}
		return this.readOnly.execute(status -> matrix(null, year, sourcing, threshold, consumers, products));
	}

	/** The matrix from {@code projection}, or from the database where it is null. */
	private WorldMatrix matrix(ChainProjection projection, int year, Sourcing sourcing, double threshold,
			List<String> consumers, List<String> products) {
		consumers.forEach(this.catalogue::requireConsumer);
		products.forEach(this.catalogue::requireProduct);
		List<String> columns = !products.isEmpty() ? List.copyOf(new TreeSet<>(products)) : (projection != null)
				? List.copyOf(new TreeSet<>(projection.reference().products())) : this.catalogue.products();
		Set<String> withData = (projection != null) ? projection.buyersWithData(year, sourcing)
				: withData(year, sourcing);
		Set<String> asked = new TreeSet<>(
				!consumers.isEmpty() ? consumers : (projection != null) ? projection.reference().parties() : parties());
		List<String> rows = asked.stream().filter(withData::contains).toList();
		List<String> withoutData = asked.stream().filter(c -> !withData.contains(c)).toList();
		Map<String, Map<String, ChainCalculator.Item>> items = new LinkedHashMap<>();
		for (String product : columns) {
			items.put(product, (projection != null) ? projection.items(product, year, sourcing)
					: this.facts.load(product, year, sourcing));
		}
		Map<String, Set<String>> blocs = (projection != null) ? projection.blocs() : blocs();
		List<Future<List<WorldMatrix.Cell>>> computed = new ArrayList<>(rows.size());
		for (String consumer : rows) {
			computed.add(this.pool.submit(() -> row(consumer, items, blocs, threshold)));
		}
		List<WorldMatrix.Cell> cells = new ArrayList<>(rows.size() * columns.size());
		try {
			for (Future<List<WorldMatrix.Cell>> row : computed) {
				cells.addAll(row.get());
			}
		}
		catch (InterruptedException ex) {
			computed.forEach(f -> f.cancel(true));
			Thread.currentThread().interrupt();
			throw new IllegalStateException("World matrix interrupted", ex);
		}
		catch (ExecutionException ex) {
			computed.forEach(f -> f.cancel(true));
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		return new WorldMatrix(year, sourcing, threshold, WorldMatrix.UNITS, rows, columns, withoutData, cells);
	}

	/** One consumer's cells, by product. */
	private static List<WorldMatrix.Cell> row(String consumer, Map<String, Map<String, ChainCalculator.Item>> items,
			Map<String, Set<String>> blocs, double threshold) {
		List<WorldMatrix.Cell> cells = new ArrayList<>(items.size());
		items.forEach((product, facts) -> {
			if (facts.isEmpty()) {
				cells.add(new WorldMatrix.Cell(consumer, product, ChainFigures.NONE, null, 0));
				return;
			}
			ChainCalculator.Cell cell = ChainCalculator.cell(product, consumer, facts, blocs, threshold);
			cells.add(new WorldMatrix.Cell(consumer, product, cell.figures(), cell.worstInput(),
					cell.singlePointsOfFailure()));
		});
		return cells;
	}

	/**
	 * The consumers with a supply mix of their own as of the year, read from the database
	 * (before the first projection; ChainProjectionIT holds
	 * {@link ChainProjection#buyersWithData} equal to it).
	 */
	Set<String> withData(int year, Sourcing sourcing) {
		return new TreeSet<>(this.client.query(WITH_DATA)
			.bindAll(Map.of("year", year, "sourcing", sourcing.word()))
			.fetchAs(String.class)
			.all());
	}

	private List<String> parties() {
		return List.copyOf(this.client.query("MATCH (p:Party) RETURN p.code AS code").fetchAs(String.class).all());
	}

	/** Per bloc, its member countries. */
	private Map<String, Set<String>> blocs() {
		Map<String, Set<String>> blocs = new HashMap<>();
		this.client.query("""
				MATCH (member:Country)-[:MEMBER_OF]->(bloc:Bloc)
				RETURN bloc.code AS bloc, collect(member.iso3) AS members
				""").fetch().all().forEach(row -> {
			@SuppressWarnings("unchecked")
			List<String> members = (List<String>) row.get("members");
			blocs.put((String) row.get("bloc"), Set.copyOf(members));
		});
		return Map.copyOf(blocs);
	}

	@Override
	public void destroy() {
		this.pool.shutdownNow();
	}

}
