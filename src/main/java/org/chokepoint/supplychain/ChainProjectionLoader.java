package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.chokepoint.supplychain.ChainProjection.Global;
import org.chokepoint.supplychain.ChainProjection.Mixes;
import org.chokepoint.supplymix.Sourcing;
import org.neo4j.driver.Driver;
import org.neo4j.driver.Record;
import org.neo4j.driver.Session;
import org.neo4j.driver.TransactionContext;
import org.neo4j.driver.Value;

import org.springframework.stereotype.Component;

/**
 * Builds a {@link ChainProjection} with a handful of bulk queries in one read transaction
 * (so the facts and the data version agree): the items and their inputs, the global
 * output groups of every (item, stage, year, source), every SOURCING_SPLIT, the blocs'
 * members. The groups and mixes are put in chain-facts.cypher's order (a group's
 * countries by iso3, the buyers' mixes by buyer code), which no store order changes.
 */
@Component
class ChainProjectionLoader {

	private static final String VERSION = "MATCH (v:DataVersion {key: 'current'}) RETURN v.version AS version";

	private static final String ITEMS = """
			MATCH (item:Item)
			RETURN item.id AS id, item:Product AS product,
			       COLLECT { MATCH (item)-[:REQUIRES]->(input:Item) RETURN DISTINCT input.id AS id ORDER BY id } AS inputs
			""";

	/** As chain-facts.cypher's global, for every year. */
	private static final String GLOBAL = """
			MATCH (item:Item)
			CALL (item) {
			  MATCH (x:Country)-[f:MINES|REFINES|MANUFACTURES]->(item)
			  WHERE f.year IS NOT NULL
			  OPTIONAL MATCH (s:Source {id: f.source})
			  WITH x, f, s
			  ORDER BY x.iso3, f.share
			  WITH CASE type(f) WHEN 'MINES' THEN 'MINING' WHEN 'REFINES' THEN 'REFINING' ELSE 'MANUFACTURING' END AS stage,
			       f.year AS year, f.source AS source,
			       CASE s.quality WHEN 'official' THEN 0 WHEN 'secondary' THEN 1 ELSE 2 END AS rank,
			       collect(CASE WHEN f.share IS NOT NULL THEN x.iso3 END) AS countries,
			       collect(f.share) AS shares
			  WHERE size(shares) > 0
			  RETURN stage, year, source, rank, countries, shares
			}
			RETURN item.id AS item, stage, year, source, rank, countries, shares
			""";

	/** As chain-facts.cypher's sourcing, for every year and sourcing. */
	private static final String MIXES = """
			MATCH (item:Item)
			CALL (item) {
			  MATCH (b:Party)-[f:SOURCING_SPLIT]->(item)
			  WHERE f.stage IS NOT NULL AND f.year IS NOT NULL
			  RETURN b.code AS buyer, f.stage AS stage, f.sourcing AS sourcing, f.year AS year, f.dataYear AS dataYear,
			         f.source AS source, f.kind AS kind, f.suppliers AS suppliers, f.shares AS shares
			}
			RETURN item.id AS item, buyer, stage, sourcing, year, dataYear, source, kind, suppliers, shares
			""";

	private static final String BLOCS = """
			MATCH (member:Country)-[:MEMBER_OF]->(bloc:Bloc)
			RETURN bloc.code AS bloc, collect(member.iso3) AS members
			""";

	private static final String FLOWS = "MATCH ()-[f:SOURCES]->() RETURN count(f) AS flows";

	private static final String KEYS = """
			RETURN COLLECT { MATCH (n:Product) WHERE n.id IS NOT NULL RETURN n.id } AS products,
			       COLLECT { MATCH (n:Party) WHERE n.code IS NOT NULL RETURN n.code } AS parties,
			       COLLECT { MATCH (n:Mineral) WHERE n.id IS NOT NULL RETURN n.id } AS minerals
			""";

	/** stockpile.cypher's facts, for every party and year. */
	private static final String STOCKPILES = """
			MATCH (p:Party)-[s:STOCKPILES]->(m:Mineral)
			WHERE s.daysOfCover IS NOT NULL AND s.year IS :: INTEGER NOT NULL
			RETURN p.code AS party, m.id AS mineral, s.year AS year, s.daysOfCover AS daysOfCover, s.source AS source
			""";

	/**
	 * allies.cypher for every party, without its date condition: the dates it compares
	 * are returned instead ({@link ReferenceFacts.AgreementTerm#inForce}). An agreement
	 * whose dates are not dates is left out, as allies.cypher's comparison leaves it out.
	 */
	private static final String AGREEMENTS = """
			MATCH (consumer:Party)
			MATCH (consumerSide:Party)-[:PARTY_TO]->(a:Agreement)
			WHERE (consumerSide = consumer OR (consumer)-[:MEMBER_OF]->(consumerSide))
			  AND a.type IN ['PARTNERSHIP', 'AGREEMENT', 'FRAMEWORK', 'ALLIANCE', 'JOINT_STATEMENT', 'REGULATION']
			  AND coalesce(a.inForce, a.signed, date('1900-01-01')) IS :: DATE
			  AND a.ended IS :: DATE
			WITH DISTINCT consumer, a
			MATCH (party:Party)-[:PARTY_TO]->(a)
			OPTIONAL MATCH (member:Country)-[:MEMBER_OF]->(party)
			WITH consumer, a, collect(DISTINCT party.code) + collect(DISTINCT member.iso3) AS partners
			RETURN consumer.code AS consumer,
			       a.id AS agreement,
			       coalesce(a.criticalMinerals, false) AS criticalMinerals,
			       coalesce(a.inForce, a.signed, date('1900-01-01')) AS start,
			       a.ended AS ended,
			       COLLECT { MATCH (a)-[:COVERS]->(i:Item) RETURN i.id } AS items,
			       COLLECT { UNWIND partners AS p WITH p WHERE p <> consumer.code RETURN p } AS partners
			""";

	private final Driver driver;

	ChainProjectionLoader(Driver driver) {
		this.driver = driver;
	}

	/** The projection of the data the database holds now. */
	ChainProjection load() {
		try (Session session = this.driver.session()) {
			return session.executeRead(this::load);
		}
	}

	private ChainProjection load(TransactionContext tx) {
		String version = tx.run(VERSION).list(r -> r.get("version").asString()).stream().findFirst().orElse("none");
		Names names = new Names();
		Map<String, Integer> index = new HashMap<>();
		List<String> ids = new ArrayList<>();
		List<Boolean> products = new ArrayList<>();
		List<List<String>> inputIds = new ArrayList<>();
		tx.run(ITEMS).forEachRemaining(r -> {
			index.put(r.get("id").asString(), ids.size());
			ids.add(r.get("id").asString());
			products.add(r.get("product").asBoolean());
			inputIds.add(r.get("inputs").asList(Value::asString));
		});
		int n = ids.size();
		boolean[] product = new boolean[n];
		int[][] inputs = new int[n][];
		for (int i = 0; i < n; i++) {
			product[i] = products.get(i);
			inputs[i] = inputIds.get(i).stream().mapToInt(index::get).toArray();
		}
		List<List<List<GroupRow>>> groups = perItemStage(n, ChainProjection.STAGES);
		tx.run(GLOBAL).forEachRemaining(r -> {
			Value countries = r.get("countries");
			Value shares = r.get("shares");
			char[] c = new char[countries.size()];
			double[] s = new double[shares.size()];
			for (int k = 0; k < c.length; k++) {
				c[k] = names.party(countries.get(k).asString());
				s[k] = shares.get(k).asDouble();
			}
			groups.get(index.get(r.get("item").asString()))
				.get(Stage.valueOf(r.get("stage").asString()).ordinal())
				.add(new GroupRow(r.get("year").asInt(), r.get("rank").asInt(),
						r.get("source").isNull() ? null : r.get("source").asString(), c, s));
		});
		Global[][] global = new Global[n][ChainProjection.STAGES];
		for (int i = 0; i < n; i++) {
			for (int st = 0; st < ChainProjection.STAGES; st++) {
				global[i][st] = global(groups.get(i).get(st), names);
			}
		}
		List<List<List<MixRow>>> mixRows = perItemStage(n, ChainProjection.STAGES * ChainProjection.SOURCINGS);
		tx.run(MIXES).forEachRemaining(r -> mixRow(r, index, names, mixRows));
		Mixes[][][] mixes = new Mixes[n][ChainProjection.STAGES][ChainProjection.SOURCINGS];
		String[] table = names.table();
		for (int i = 0; i < n; i++) {
			for (int st = 0; st < ChainProjection.STAGES; st++) {
				for (int so = 0; so < ChainProjection.SOURCINGS; so++) {
					mixes[i][st][so] = mixes(mixRows.get(i).get(st * ChainProjection.SOURCINGS + so), table);
				}
			}
		}
		Map<String, Set<String>> blocs = new HashMap<>();
		tx.run(BLOCS)
			.forEachRemaining(
					r -> blocs.put(r.get("bloc").asString(), Set.copyOf(r.get("members").asList(Value::asString))));
		long flows = tx.run(FLOWS).single().get("flows").asLong();
		return new ChainProjection(version, names.table(), index, ids.toArray(String[]::new), product, inputs, global,
				mixes, blocs, flows, reference(tx));
	}

	private static ReferenceFacts reference(TransactionContext tx) {
		Record keys = tx.run(KEYS).single();
		Map<String, List<ReferenceFacts.Stockpile>> stockpiles = new HashMap<>();
		tx.run(STOCKPILES)
			.forEachRemaining(r -> stockpiles.computeIfAbsent(r.get("party").asString(), k -> new ArrayList<>())
				.add(new ReferenceFacts.Stockpile(r.get("mineral").asString(), r.get("year").asLong(),
						r.get("daysOfCover").asDouble(),
						r.get("source").isNull() ? null : r.get("source").asString())));
		Map<String, List<ReferenceFacts.AgreementTerm>> agreements = new HashMap<>();
		tx.run(AGREEMENTS)
			.forEachRemaining(r -> agreements.computeIfAbsent(r.get("consumer").asString(), k -> new ArrayList<>())
				.add(new ReferenceFacts.AgreementTerm(r.get("agreement").asString(),
						r.get("criticalMinerals").asBoolean(), Set.copyOf(r.get("items").asList(Value::asString)),
						Set.copyOf(r.get("partners").asList(Value::asString)), r.get("start").asLocalDate(),
						r.get("ended").isNull() ? null : r.get("ended").asLocalDate())));
		return new ReferenceFacts(Set.copyOf(keys.get("products").asList(Value::asString)),
				Set.copyOf(keys.get("parties").asList(Value::asString)),
				Set.copyOf(keys.get("minerals").asList(Value::asString)), stockpiles, agreements);
	}

	private static <T> List<List<List<T>>> perItemStage(int items, int slots) {
		List<List<List<T>>> lists = new ArrayList<>(items);
		for (int i = 0; i < items; i++) {
			List<List<T>> perSlot = new ArrayList<>(slots);
			for (int s = 0; s < slots; s++) {
				perSlot.add(new ArrayList<>(0));
			}
			lists.add(perSlot);
		}
		return lists;
	}

	private record GroupRow(int year, int rank, String source, char[] countries, double[] shares) {
	}

	private record MixRow(int year, int buyer, int dataYear, int source, int kind, char[] suppliers, double[] shares) {
	}

	/**
	 * chain-facts.cypher's order: newest year, best quality, smallest source (nulls
	 * last).
	 */
	private static final Comparator<GroupRow> BEST_FIRST = Comparator.comparingInt(GroupRow::year)
		.reversed()
		.thenComparingInt(GroupRow::rank)
		.thenComparing(GroupRow::source, Comparator.nullsLast(Comparator.naturalOrder()));

	private static Global global(List<GroupRow> rows, Names names) {
		if (rows.isEmpty()) {
			return null;
		}
		List<GroupRow> sorted = new ArrayList<>(rows);
		sorted.sort(BEST_FIRST);
		int g = sorted.size();
		int[] year = new int[g];
		int[] source = new int[g];
		char[][] countries = new char[g][];
		double[][] shares = new double[g][];
		int[][] order = new int[g][];
		for (int k = 0; k < g; k++) {
			GroupRow row = sorted.get(k);
			year[k] = row.year();
			source[k] = names.id(row.source());
			countries[k] = row.countries();
			shares[k] = row.shares();
			order[k] = DenseSplits.largestFirst(row.shares(), i -> names.name(row.countries()[i]));
		}
		return new Global(year, source, countries, shares, order);
	}

	private static void mixRow(Record r, Map<String, Integer> index, Names names, List<List<List<MixRow>>> rows) {
		Sourcing sourcing = Sourcing.of(r.get("sourcing").isNull() ? null : r.get("sourcing").asString());
		Stage stage;
		try {
			stage = Stage.valueOf(r.get("stage").asString());
		}
		catch (IllegalArgumentException ex) {
			return; // chain-facts.cypher reads no other stage
		}
		if (sourcing == null) {
			return;
		}
		String suppliers = r.get("suppliers").asString();
		Value shares = r.get("shares");
		int size = shares.size();
		char[] parties = new char[size];
		double[] values = new double[size];
		int from = 0;
		for (int k = 0; k < size; k++) {
			int to = suppliers.indexOf(',', from);
			parties[k] = names.party(suppliers.substring(from, to < 0 ? suppliers.length() : to));
			values[k] = shares.get(k).asDouble();
			from = to + 1;
		}
		rows.get(index.get(r.get("item").asString()))
			.get(stage.ordinal() * ChainProjection.SOURCINGS + sourcing.ordinal())
			.add(new MixRow(r.get("year").asInt(), names.id(r.get("buyer").asString()), r.get("dataYear").asInt(),
					names.id(r.get("source").asString()),
					r.get("kind").isNull() ? -1 : names.id(r.get("kind").asString()), parties, values));
	}

	/**
	 * The mixes of one (item, stage, sourcing) grouped by year, each year's by buyer code
	 * (chain-facts.cypher's order), whatever order the store returned them in.
	 */
	private static Mixes mixes(List<MixRow> rows, String[] names) {
		if (rows.isEmpty()) {
			return null;
		}
		TreeMap<Integer, List<MixRow>> byYear = new TreeMap<>();
		rows.forEach(row -> byYear.computeIfAbsent(row.year(), k -> new ArrayList<>()).add(row));
		byYear.values().forEach(year -> year.sort(Comparator.comparing(row -> names[row.buyer()])));
		int[] asOf = new int[byYear.size()];
		int[] start = new int[byYear.size() + 1];
		int n = rows.size();
		int[] buyer = new int[n];
		int[] dataYear = new int[n];
		int[] source = new int[n];
		int[] kind = new int[n];
		char[][] suppliers = new char[n][];
		double[][] shares = new double[n][];
		int y = 0;
		int b = 0;
		for (Map.Entry<Integer, List<MixRow>> year : byYear.entrySet()) {
			asOf[y] = year.getKey();
			start[y] = b;
			for (MixRow row : year.getValue()) {
				buyer[b] = row.buyer();
				dataYear[b] = row.dataYear();
				source[b] = row.source();
				kind[b] = row.kind();
				suppliers[b] = row.suppliers();
				shares[b] = row.shares();
				b++;
			}
			y++;
		}
		start[y] = b;
		return new Mixes(asOf, start, buyer, dataYear, source, kind, suppliers, shares);
	}

	/** Party codes, source ids and kinds, one id per string. */
	private static final class Names {

		private final Map<String, Integer> ids = new HashMap<>();

		private final List<String> table = new ArrayList<>();

		int id(String name) {
			Integer id = this.ids.get(name);
			if (id == null) {
				id = this.table.size();
				this.ids.put(name, id);
				this.table.add(name);
			}
			return id;
		}

		/**
		 * The id of a party that a split names, as the projection's splits hold it: a
		 * {@code char} (two bytes a supplier instead of four), so at most 65,536 names in
		 * all.
		 */
		char party(String name) {
			int id = id(name);
			if (id > Character.MAX_VALUE) {
				throw new IllegalStateException("The chain projection holds at most " + (Character.MAX_VALUE + 1)
						+ " distinct party codes, sources and kinds; the database has more (at " + name + ")");
			}
			return (char) id;
		}

		String name(int id) {
			return this.table.get(id);
		}

		String[] table() {
			return this.table.toArray(String[]::new);
		}

	}

}
