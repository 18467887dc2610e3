package org.chokepoint.supplychain;

import java.util.AbstractList;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import org.chokepoint.supplychain.ChainComputation.BuyerSplit;
import org.chokepoint.supplychain.ChainComputation.ItemFacts;
import org.chokepoint.supplychain.ChainComputation.Split;
import org.chokepoint.supplychain.ChainComputation.StageFacts;
import org.chokepoint.supplymix.Sourcing;

/**
 * The chain facts of one data version in memory: what {@code chain-facts.cypher} reads,
 * for every item, stage, year and sourcing at once, in primitive arrays (parties, sources
 * and kinds as ids into one string table; a split's suppliers as {@code char} ids, two
 * bytes each). Per item: its inputs, per stage its global output groups (one per year and
 * source, best first), and per sourcing the buyers' mixes (the SOURCING_SPLIT
 * relationships the import derived, traced through re-exports once per data version) of
 * every year at which they change. {@link #items} picks the facts of a year by the rules
 * of chain-facts.cypher, so the chains computed from it equal those computed from the
 * query. Immutable; built by {@link ChainProjectionLoader}.
 */
final class ChainProjection {

	/** The stages of an item, by {@link Stage#ordinal()}. */
	static final int STAGES = Stage.values().length;

	/** The sourcings, by {@link Sourcing#ordinal()}. */
	static final int SOURCINGS = Sourcing.values().length;

	/** How many (year, sourcing) views of the facts are kept (see {@link #view}). */
	static final int VIEWS = 8;

	private final String version;

	/** Party codes, source ids and mix kinds, by id. */
	private final String[] names;

	/** The same names as an index, for the calculator's dense splits. */
	private final PartyIndex parties;

	private final Map<String, Integer> items;

	private final String[] itemIds;

	private final boolean[] product;

	/** Per item, its direct inputs' indexes, ordered by id. */
	private final int[][] inputs;

	/** Per item and stage, its global groups; null where none. */
	private final Global[][] global;

	/** Per item, stage and sourcing, the buyers' mixes; null where none. */
	private final Mixes[][][] mixes;

	private final Map<String, Set<String>> blocs;

	private final long flows;

	private final ReferenceFacts reference;

	/**
	 * The newest year of any fact it holds (a global group's or a mixes' year); a later
	 * year picks the same facts, so its view is this year's ({@link #key}).
	 * {@link Integer#MIN_VALUE} when it holds none.
	 */
	private final int newest;

	/**
	 * Per (year, sourcing) the facts picked for it: the views asked last, kept while the
	 * projection is served (a new data version comes with a new projection).
	 */
	private final Cache<ViewKey, ChainCalculator.Item[]> views = Caffeine.newBuilder()
		.executor(Runnable::run)
		.maximumSize(VIEWS)
		.build();

	/**
	 * Per (year, sourcing) the buyers with a mix of their own, as the views are kept: a
	 * scan of every item's mixes, which a world matrix of one cell would otherwise pay on
	 * every ask (0.3 ms at the benchmark's I size, more than the cell's own figures).
	 */
	private final Cache<ViewKey, Set<String>> buyersWithData = Caffeine.newBuilder()
		.executor(Runnable::run)
		.maximumSize(VIEWS)
		.build();

	ChainProjection(String version, String[] names, Map<String, Integer> items, String[] itemIds, boolean[] product,
			int[][] inputs, Global[][] global, Mixes[][][] mixes, Map<String, Set<String>> blocs, long flows,
			ReferenceFacts reference) {
		this.version = version;
		this.names = names;
		this.parties = new PartyIndex(names);
		this.items = Map.copyOf(items);
		this.itemIds = itemIds;
		this.product = product;
		this.inputs = inputs;
		this.global = global;
		this.mixes = mixes;
		this.blocs = Map.copyOf(blocs);
		this.flows = flows;
		this.reference = reference;
		this.newest = newest(global, mixes);
	}

	private static int newest(Global[][] global, Mixes[][][] mixes) {
		int newest = Integer.MIN_VALUE;
		for (Global[] stages : global) {
			for (Global g : stages) {
				if (g != null) {
					for (int year : g.year) {
						newest = Math.max(newest, year);
					}
				}
			}
		}
		for (Mixes[][] stages : mixes) {
			for (Mixes[] sourcings : stages) {
				for (Mixes m : sourcings) {
					if (m != null && m.asOf.length > 0) {
						newest = Math.max(newest, m.asOf[m.asOf.length - 1]);
					}
				}
			}
		}
		return newest;
	}

	/** The newest year of any fact it holds; {@link Integer#MIN_VALUE} for none. */
	int newestYear() {
		return this.newest;
	}

	/**
	 * The key of a (year, sourcing): a year after the newest fact's picks what that year
	 * picks (every global group and mix up to it), so they share one view, and the
	 * default year (today's) shares the data's newest year's.
	 */
	private ViewKey key(int year, Sourcing sourcing) {
		return new ViewKey((this.newest != Integer.MIN_VALUE) ? Math.min(year, this.newest) : year, sourcing);
	}

	/** The data version the facts are of. */
	String version() {
		return this.version;
	}

	/** Per bloc, its member countries. */
	Map<String, Set<String>> blocs() {
		return this.blocs;
	}

	/**
	 * The SOURCES relationships (trade flows, sourcing rows) of the data version: the
	 * memory figures are per flow.
	 */
	long flows() {
		return this.flows;
	}

	/**
	 * What an analysis reads besides the chain facts: keys, stockpiles, agreements.
	 */
	ReferenceFacts reference() {
		return this.reference;
	}

	/**
	 * The parties with a supply mix of their own of {@code sourcing} as of {@code year}:
	 * the buyers of the newest year up to it, per item and stage (what
	 * {@link WorldMatrixService}'s query finds in the database).
	 */
	Set<String> buyersWithData(int year, Sourcing sourcing) {
		return this.buyersWithData.get(key(year, sourcing), key -> scanBuyersWithData(key.year(), key.sourcing()));
	}

	private Set<String> scanBuyersWithData(int year, Sourcing sourcing) {
		Set<String> buyers = new HashSet<>();
		for (Mixes[][] item : this.mixes) {
			for (Mixes[] stage : item) {
				Mixes m = stage[sourcing.ordinal()];
				int y = (m != null) ? m.asOfIndex(year) : -1;
				for (int b = (y >= 0) ? m.start[y] : 0; y >= 0 && b < m.start[y + 1]; b++) {
					buyers.add(this.names[m.buyer[b]]);
				}
			}
		}
		return Set.copyOf(buyers);
	}

	/** How many items it holds. */
	int size() {
		return this.itemIds.length;
	}

	/**
	 * Every item below {@code product} (itself included) by id in id order, with the
	 * facts of {@code year} and the buyers' mixes of {@code sourcing}: what
	 * {@link ChainFactsQuery#load} reads; empty when there is no such product.
	 */
	Map<String, ChainCalculator.Item> items(String product, int year, Sourcing sourcing) {
		Integer root = this.items.get(product);
		if (root == null || !this.product[root]) {
			return Map.of();
		}
		boolean[] seen = new boolean[this.itemIds.length];
		List<Integer> below = new ArrayList<>();
		Deque<Integer> queue = new ArrayDeque<>(List.of(root));
		seen[root] = true;
		while (!queue.isEmpty()) {
			int i = queue.poll();
			below.add(i);
			for (int input : this.inputs[i]) {
				if (!seen[input]) {
					seen[input] = true;
					queue.add(input);
				}
			}
		}
		below.sort((a, b) -> this.itemIds[a].compareTo(this.itemIds[b]));
		ChainCalculator.Item[] view = view(year, sourcing);
		Map<String, ChainCalculator.Item> result = new LinkedHashMap<>();
		for (int i : below) {
			result.put(this.itemIds[i], view[i]);
		}
		return result;
	}

	/**
	 * Every item with the facts of {@code year} and the buyers' mixes of
	 * {@code sourcing}, by item index: made once per (year, sourcing) and kept (the last
	 * {@link #VIEWS} asked), so a chain of a year already seen only runs the calculator.
	 */
	ChainCalculator.Item[] view(int year, Sourcing sourcing) {
		return this.views.get(key(year, sourcing), key -> {
			ChainCalculator.Item[] items = new ChainCalculator.Item[this.itemIds.length];
			for (int i = 0; i < items.length; i++) {
				String[] inputIds = new String[this.inputs[i].length];
				for (int k = 0; k < inputIds.length; k++) {
					inputIds[k] = this.itemIds[this.inputs[i][k]];
				}
				items[i] = new ChainCalculator.Item(this.itemIds[i], this.product[i], List.of(inputIds),
						facts(i, key.year(), key.sourcing()));
			}
			return items;
		});
	}

	/**
	 * The bytes one view ({@link #view}) takes, estimated as {@link #bytes()} is: per
	 * buyer's mix its {@link BuyerSplit}, its split (a view on the arrays) and its entry
	 * in the per-buyer map; per item and stage the lists, the map and the dense splits.
	 */
	long viewBytes(int year, Sourcing sourcing) {
		long bytes = array(4L * this.itemIds.length);
		for (ChainCalculator.Item item : view(year, sourcing)) {
			bytes += 24 + 24 + array(4L * item.inputs().size()) + 24 + array(4L * item.facts().stages().size());
			for (StageFacts stage : item.facts().stages()) {
				int buyers = stage.sourcing().size();
				bytes += 40 + 24 + array(4L * buyers) + 48 + array(4L * Integer.highestOneBit(buyers * 4 + 1))
						+ (long) buyers * (40 + 24 + 32);
				// its dense splits: the record, the row of every party, the rows'
				// buyers, the copied arrays of references to suppliers and shares, and
				// a bit per party (named by the global split or not)
				bytes += 48 + array(4L * this.names.length) + 3 * array(4L * buyers)
						+ array(8L * ((this.names.length + 63) / 64));
			}
		}
		return bytes;
	}

	/** A view's key. */
	private record ViewKey(int year, Sourcing sourcing) {
	}

	private ItemFacts facts(int item, int year, Sourcing sourcing) {
		List<StageFacts> stages = new ArrayList<>(2);
		for (Stage stage : this.product[item] ? List.of(Stage.MANUFACTURING) : List.of(Stage.REFINING, Stage.MINING)) {
			Global g = this.global[item][stage.ordinal()];
			int chosen = (g != null) ? g.chosen(year) : -1;
			Mixes m = this.mixes[item][stage.ordinal()][sourcing.ordinal()];
			int y = (m != null) ? m.asOfIndex(year) : -1;
			List<BuyerSplit> own = (y >= 0) ? m.splits(y, this.names) : List.of();
			if (chosen < 0 && own.isEmpty()) {
				continue; // a gap
			}
			char[] globalIds = chosen < 0 ? new char[0] : g.countries[chosen];
			double[] globalShares = chosen < 0 ? new double[0] : g.shares[chosen];
			int[] globalOrder = chosen < 0 ? new int[0] : g.order[chosen];
			DenseSplits dense = (y >= 0) ? m.dense(y, this.parties, globalIds, globalShares, globalOrder)
					: new DenseSplits(this.parties, globalIds, globalShares, globalOrder,
							DenseSplits.noRows(this.names.length), new int[0], new char[0][], new double[0][]);
			stages.add(new StageFacts(stage, chosen < 0 ? List.of() : new Splits(this.names, globalIds, globalShares),
					chosen < 0 ? null : (long) g.year[chosen], chosen < 0 ? null : this.names[g.source[chosen]], own,
					dense));
		}
		return new ItemFacts(this.itemIds[item], List.copyOf(stages));
	}

	/**
	 * The bytes its arrays take on a 64-bit JVM with compressed references (16-byte array
	 * headers, 12-byte object headers, 8-byte alignment), strings and maps estimated: a
	 * computed figure, checked against heap deltas in docs/performance.md.
	 */
	long bytes() {
		long bytes = this.reference.bytes();
		for (String name : this.names) {
			bytes += string(name);
		}
		bytes += array(4L * this.names.length);
		for (String id : this.itemIds) {
			bytes += string(id) + 48; // the string and its map entry
		}
		bytes += array(4L * this.itemIds.length) + array(this.product.length);
		for (int i = 0; i < this.itemIds.length; i++) {
			bytes += array(4L * this.inputs[i].length);
			bytes += array(4L * STAGES) + array(4L * STAGES);
			for (int s = 0; s < STAGES; s++) {
				Global g = this.global[i][s];
				if (g != null) {
					bytes += g.bytes();
				}
				bytes += array(4L * SOURCINGS);
				for (Mixes m : this.mixes[i][s]) {
					if (m != null) {
						bytes += m.bytes();
					}
				}
			}
		}
		return bytes;
	}

	static long array(long payload) {
		return align(16 + payload);
	}

	private static long string(String s) {
		return 24 + array(s.length());
	}

	private static long align(long bytes) {
		return (bytes + 7) / 8 * 8;
	}

	/**
	 * The global output groups of one (item, stage): per (year, source) with at least one
	 * numeric share, its countries and shares; ordered as chain-facts.cypher chooses
	 * (newest year, best source quality, smallest source id).
	 */
	static final class Global {

		final int[] year;

		final int[] source;

		final char[][] countries;

		final double[][] shares;

		/**
		 * Per group, its positions largest share first
		 * ({@link DenseSplits#largestFirst}).
		 */
		final int[][] order;

		Global(int[] year, int[] source, char[][] countries, double[][] shares, int[][] order) {
			this.year = year;
			this.source = source;
			this.countries = countries;
			this.shares = shares;
			this.order = order;
		}

		/** The group chosen for {@code year}: the first of year up to it; -1 for none. */
		int chosen(int asOf) {
			for (int g = 0; g < this.year.length; g++) {
				if (this.year[g] <= asOf) {
					return g;
				}
			}
			return -1;
		}

		long bytes() {
			long bytes = 12 + 4 * 4 + array(4L * this.year.length) * 2 + array(4L * this.year.length) * 2;
			for (int g = 0; g < this.year.length; g++) {
				bytes += array(2L * this.countries[g].length) + array(8L * this.shares[g].length)
						+ array(4L * this.order[g].length);
			}
			return align(bytes);
		}

	}

	/**
	 * The buyers' mixes of one (item, stage, sourcing): per year at which they change
	 * ({@code asOf}, ascending), the buyers from {@code start[y]} to {@code start[y + 1]}
	 * with the year of their facts, source, kind (-1: none), suppliers and shares.
	 */
	static final class Mixes {

		final int[] asOf;

		final int[] start;

		final int[] buyer;

		final int[] dataYear;

		final int[] source;

		final int[] kind;

		final char[][] suppliers;

		final double[][] shares;

		Mixes(int[] asOf, int[] start, int[] buyer, int[] dataYear, int[] source, int[] kind, char[][] suppliers,
				double[][] shares) {
			this.asOf = asOf;
			this.start = start;
			this.buyer = buyer;
			this.dataYear = dataYear;
			this.source = source;
			this.kind = kind;
			this.suppliers = suppliers;
			this.shares = shares;
		}

		/**
		 * The index of the newest year up to {@code year} in {@link #asOf}; -1 for none.
		 */
		int asOfIndex(int year) {
			int y = Arrays.binarySearch(this.asOf, year);
			return (y >= 0) ? y : -y - 2; // else the newest year before it
		}

		/** Every buyer's mix of the year at {@code y} ({@link #asOfIndex}). */
		List<BuyerSplit> splits(int y, String[] names) {
			BuyerSplit[] splits = new BuyerSplit[this.start[y + 1] - this.start[y]];
			for (int b = this.start[y]; b < this.start[y + 1]; b++) {
				splits[b - this.start[y]] = new BuyerSplit(names[this.buyer[b]],
						new Splits(names, this.suppliers[b], this.shares[b]), this.dataYear[b], names[this.source[b]],
						this.kind[b] < 0 ? null : names[this.kind[b]]);
			}
			return List.of(splits);
		}

		/**
		 * The mixes of the year at {@code y} with the global split as dense splits: the
		 * arrays themselves, no copy.
		 */
		DenseSplits dense(int y, PartyIndex parties, char[] globalIds, double[] globalShares, int[] globalOrder) {
			int from = this.start[y];
			int rows = this.start[y + 1] - from;
			int[] rowOf = DenseSplits.noRows(parties.size());
			int[] buyers = Arrays.copyOfRange(this.buyer, from, from + rows);
			for (int r = 0; r < rows; r++) {
				if (rowOf[buyers[r]] < 0) {
					rowOf[buyers[r]] = r;
				}
			}
			return new DenseSplits(parties, globalIds, globalShares, globalOrder, rowOf, buyers,
					Arrays.copyOfRange(this.suppliers, from, from + rows),
					Arrays.copyOfRange(this.shares, from, from + rows));
		}

		long bytes() {
			int n = this.buyer.length;
			long bytes = 12 + 8 * 4 + array(4L * this.asOf.length) + array(4L * this.start.length) + 4 * array(4L * n)
					+ 2 * array(4L * n);
			for (int b = 0; b < n; b++) {
				bytes += array(2L * this.suppliers[b].length) + array(8L * this.shares[b].length);
			}
			return align(bytes);
		}

	}

	/** A split read from the arrays: a view, its {@link Split}s made as they are read. */
	private static final class Splits extends AbstractList<Split> implements RandomAccess {

		private final String[] names;

		private final char[] parties;

		private final double[] shares;

		Splits(String[] names, char[] parties, double[] shares) {
			this.names = names;
			this.parties = parties;
			this.shares = shares;
		}

		@Override
		public Split get(int index) {
			return new Split(this.names[this.parties[index]], this.shares[index]);
		}

		@Override
		public int size() {
			return this.parties.length;
		}

	}

}
