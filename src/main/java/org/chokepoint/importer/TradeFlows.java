package org.chokepoint.importer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.LongUnaryOperator;

import org.eclipse.collections.impl.map.mutable.primitive.LongDoubleHashMap;

/**
 * {@code trade_flows.csv}, read as a stream and added up into one quantity per (importer,
 * exporter, item, stage, year, source), from which each importer's {@code SOURCES} shares
 * are derived: the quantity over the importer's total of the same item, stage, year and
 * source.
 *
 * <p>
 * Millions of rows are never held as rows: each is checked, typed and folded into a
 * primitive map keyed by a packed long (Eclipse Collections' {@link LongDoubleHashMap}:
 * about 16 bytes per flow where a {@code HashMap<Long, Double>} takes about 80), so
 * memory grows with the distinct flows, not with the file.
 *
 * <p>
 * A flow that names an HS code of {@code hs_codes.csv} is converted with the code's
 * {@code factor} (tonnes of the item's basis per tonne traded) as it is read: quantities
 * of one item are then on one basis whatever form was traded (lithium carbonate and
 * hydroxide both as lithium content), which is what lets their shares add up and be set
 * against the item's output.
 */
final class TradeFlows {

	private static final int PARTY_BITS = 10;

	private static final int ITEM_STAGE_BITS = 16;

	private static final int YEAR_BITS = 8;

	private static final int SOURCE_BITS = 12;

	private final List<String> parties = new ArrayList<>();

	private final Map<String, Integer> partyIndex = new HashMap<>();

	private final List<String[]> itemStages = new ArrayList<>();

	private final Map<String, Integer> itemStageIndex = new HashMap<>();

	private final List<String> sources = new ArrayList<>();

	private final Map<String, Integer> sourceIndex = new HashMap<>();

	private final List<String> units = new ArrayList<>();

	private final Map<String, Integer> unitIndex = new HashMap<>();

	/**
	 * (importer, exporter, item-stage, year, source) -> quantity, on the item's basis.
	 */
	private final LongDoubleHashMap flows = new LongDoubleHashMap();

	/** (importer, item-stage, year, source) -> the importer's total and unit. */
	private final Map<Long, Group> groups = new HashMap<>();

	private long rowsRead;

	private static final class Group {

		double total;

		int unit;

		int line;

	}

	private TradeFlows() {
	}

	static TradeFlows empty() {
		return new TradeFlows();
	}

	/**
	 * Reads, checks and adds up the file. Errors go to {@code errors} as
	 * {@code file:line:column}.
	 * @param hsCodes the typed rows of hs_codes.csv
	 * @param products the product ids (MANUFACTURING is for products only)
	 */
	static TradeFlows read(byte[] bytes, ImportValidator validator, List<Map<String, Object>> hsCodes,
			Set<String> products, List<ImportError> errors, Consumer<String> progress) {
		return read(new ByteArrayInputStream(bytes), validator, hsCodes, products, errors, progress);
	}

	/**
	 * Reads, checks and adds up the file from a stream (closed after). Errors go to
	 * {@code errors} as {@code file:line:column}.
	 * @param hsCodes the typed rows of hs_codes.csv
	 * @param products the product ids (MANUFACTURING is for products only)
	 */
	static TradeFlows read(InputStream in, ImportValidator validator, List<Map<String, Object>> hsCodes,
			Set<String> products, List<ImportError> errors, Consumer<String> progress) {
		TradeFlows flows = new TradeFlows();
		String file = ImportFile.TRADE_FLOWS.fileName();
		try (CsvRecords records = new CsvRecords(in)) {
			flows.parse(records, validator, hsCodes, products, errors, progress);
		}
		catch (CsvRecords.CsvFormatException ex) {
			errors.add(new ImportError(file, ex.line(), ex.column(), null, ex.getMessage()));
		}
		catch (IOException | UncheckedIOException ex) {
			errors.add(new ImportError(file, 0, 0, null, "can't be read: " + ex.getMessage()));
		}
		return flows;
	}

	private void parse(CsvRecords records, ImportValidator validator, List<Map<String, Object>> hsCodes,
			Set<String> products, List<ImportError> errors, Consumer<String> progress) {
		ImportFile spec = ImportFile.TRADE_FLOWS;
		String file = spec.fileName();
		Map<String, HsCode> byHs = new HashMap<>();
		hsCodes.forEach(h -> byHs.put((String) h.get("hs6"),
				new HsCode((String) h.get("item"), (String) h.get("stage"), (Double) h.get("factor"))));
		List<String> header = CsvTableReader.header(spec, records, errors);
		if (header == null) {
			return;
		}
		CsvTable table = new CsvTable(file, header, List.of());
		int[] at = new int[spec.columns().size()];
		for (int c = 0; c < at.length; c++) {
			at[c] = header.indexOf(spec.columns().get(c).name());
		}
		Object[] values = new Object[at.length];
		List<String> record;
		while ((record = records.next()) != null) {
			int rowLine = records.recordLine();
			if (record.size() == 1 && record.get(0).isBlank()) {
				continue;
			}
			if (record.size() != header.size()) {
				errors.add(new ImportError(file, rowLine, Math.min(record.size(), header.size()) + 1, null,
						"expected " + header.size() + " columns, found " + record.size()));
				continue;
			}
			CsvTable.Row row = new CsvTable.Row(rowLine, Map.of());
			boolean ok = true;
			for (int c = 0; c < at.length; c++) {
				Column column = spec.columns().get(c);
				String cell = record.get(at[c]).strip();
				values[c] = null;
				if (cell.isEmpty()) {
					if (column.required()) {
						errors.add(new ImportError(file, rowLine, at[c] + 1, column.name(), "required, but empty"));
						ok = false;
					}
					continue;
				}
				values[c] = validator.cell(table, row, column, cell);
				ok &= values[c] != null;
			}
			if (ok) {
				add(table, rowLine, values, byHs, products, errors);
			}
			if (++this.rowsRead % 1_000_000 == 0) {
				progress.accept(file + ": " + this.rowsRead + " rows read, " + this.flows.size() + " flows");
			}
		}
	}

	/**
	 * A row of hs_codes.csv: the item and stage a code stands for, and tonnes of the
	 * item's basis per tonne traded.
	 */
	private record HsCode(String item, String stage, double factor) {
	}

	/**
	 * Columns in the order of {@link ImportFile#TRADE_FLOWS}: year, exporter, importer,
	 * item, stage, quantity, unit, source.
	 */
	private void add(CsvTable table, int line, Object[] v, Map<String, HsCode> byHs, Set<String> products,
			List<ImportError> errors) {
		String file = table.file();
		long year = (Long) v[0];
		String exporter = (String) v[1];
		String importer = (String) v[2];
		String item = (String) v[3];
		String stage = (String) v[4];
		HsCode hs = byHs.get(item);
		double factor = 1;
		if (hs != null) {
			if (stage != null && !stage.equals(hs.stage())) {
				errors.add(new ImportError(file, line, table.columnNumber("stage"), "stage",
						"HS code " + item + " is " + hs.item() + " at " + hs.stage() + " in hs_codes.csv, not " + stage
								+ " (leave stage empty for HS codes)"));
				return;
			}
			item = hs.item();
			stage = hs.stage();
			factor = hs.factor();
		}
		else if (stage == null) {
			errors.add(new ImportError(file, line, table.columnNumber("stage"), "stage",
					"required for an item (it may be empty only when item is an HS code of hs_codes.csv)"));
			return;
		}
		else if (products.contains(item) != "MANUFACTURING".equals(stage)) {
			errors.add(new ImportError(file, line, table.columnNumber("stage"), "stage",
					"MANUFACTURING".equals(stage)
							? "MANUFACTURING is for products, but " + item + " is a mineral (use MINING or REFINING)"
							: stage + " is for minerals, but " + item + " is a product (use MANUFACTURING)"));
			return;
		}
		if (exporter.equals(importer)) {
			errors
				.add(new ImportError(file, line, table.columnNumber("exporter"), "exporter", "an importer's trade with"
						+ " itself is not a trade flow (give a buyer's own output in sourcing.csv, without trade flows)"));
			return;
		}
		int source = index(this.sources, this.sourceIndex, (String) v[7], SOURCE_BITS);
		int itemStage = this.itemStageIndex.computeIfAbsent(item + "|" + stage, k -> this.itemStages.size());
		if (itemStage == this.itemStages.size()) {
			this.itemStages.add(new String[] { item, stage });
		}
		if (source < 0 || itemStage >= 1 << ITEM_STAGE_BITS || year - 1900 >= 1 << YEAR_BITS) {
			errors.add(new ImportError(file, line, 0, null, "too many distinct sources or items for one import"));
			return;
		}
		int buyer = index(this.parties, this.partyIndex, importer, PARTY_BITS);
		int seller = index(this.parties, this.partyIndex, exporter, PARTY_BITS);
		int unit = index(this.units, this.unitIndex, (String) v[6], 20);
		long groupKey = ((((long) buyer << ITEM_STAGE_BITS | itemStage) << YEAR_BITS | (year - 1900)) << SOURCE_BITS)
				| source;
		Group group = this.groups.get(groupKey);
		if (group == null) {
			group = new Group();
			group.unit = unit;
			group.line = line;
			this.groups.put(groupKey, group);
		}
		else if (group.unit != unit) {
			errors.add(new ImportError(file, line, table.columnNumber("unit"), "unit",
					"unit \"" + v[6] + "\" differs from \"" + this.units.get(group.unit)
							+ "\" of the same importer, item, stage, year" + " and source on line " + group.line));
			return;
		}
		double quantity = (Double) v[5] * factor;
		group.total += quantity;
		long flowKey = groupKey | ((long) seller << (ITEM_STAGE_BITS + YEAR_BITS + SOURCE_BITS + PARTY_BITS));
		this.flows.addToValue(flowKey, quantity);
	}

	private static int index(List<String> values, Map<String, Integer> index, String value, int bits) {
		Integer i = index.get(value);
		if (i == null) {
			if (values.size() >= 1 << bits) {
				return -1;
			}
			i = values.size();
			values.add(value);
			index.put(value, i);
		}
		return i;
	}

	/** The countries the flows name, as importer or exporter. */
	List<String> parties() {
		return List.copyOf(this.parties);
	}

	/** Rows read from the file. */
	long rowsRead() {
		return this.rowsRead;
	}

	/** Distinct flows: the SOURCES relationships they become. */
	int size() {
		return this.flows.size();
	}

	/** Whether trade flows give the (buyer, item, stage, year, source) group. */
	boolean hasGroup(String buyer, String item, String stage, long year, String source) {
		Integer b = this.partyIndex.get(buyer);
		Integer is = this.itemStageIndex.get(item + "|" + stage);
		Integer s = this.sourceIndex.get(source);
		if (b == null || is == null || s == null) {
			return false;
		}
		return this.groups
			.containsKey(((((long) b << ITEM_STAGE_BITS | is) << YEAR_BITS | (year - 1900)) << SOURCE_BITS) | s);
	}

	/**
	 * How many flows each source gives: the {@code SOURCES} relationships written for it.
	 */
	Map<String, Long> flowsPerSource() {
		long[] counts = new long[this.sources.size()];
		this.flows.forEachKey(key -> counts[(int) (key & ((1 << SOURCE_BITS) - 1))]++);
		Map<String, Long> result = new HashMap<>();
		for (int s = 0; s < counts.length; s++) {
			if (counts[s] > 0) {
				result.put(this.sources.get(s), counts[s]);
			}
		}
		return result;
	}

	/** The (source, year) groups of trade the flows belong to, sorted. */
	SortedSet<TradeGroup> tradeGroups() {
		SortedSet<TradeGroup> result = new TreeSet<>();
		for (long key : this.groups.keySet()) {
			int source = (int) (key & ((1 << SOURCE_BITS) - 1));
			long year = ((key >>> SOURCE_BITS) & ((1 << YEAR_BITS) - 1)) + 1900;
			result.add(new TradeGroup(this.sources.get(source), year));
		}
		return result;
	}

	/** The item of each item-stage code used in {@link #forEachBatch}. */
	List<String> items() {
		return this.itemStages.stream().map(is -> is[0]).toList();
	}

	/** The stage of each item-stage code used in {@link #forEachBatch}. */
	List<String> stages() {
		return this.itemStages.stream().map(is -> is[1]).toList();
	}

	/** The source of each source code used in {@link #forEachBatch}. */
	List<String> sources() {
		return List.copyOf(this.sources);
	}

	/** The unit of each unit code used in {@link #forEachBatch}. */
	List<String> units() {
		return List.copyOf(this.units);
	}

	/** A batch of flows, grouped by (buyer, supplier) pair. */
	record Batch(List<Pair> pairs, int size) {
	}

	/**
	 * The flows from one buyer to one supplier, each as [item-stage code, year, source
	 * code, share, quantity, unit code]: the strings of {@link #items()},
	 * {@link #stages()}, {@link #sources()} and {@link #units()} by position, so that a
	 * flow is six small values over Bolt.
	 */
	record Pair(String buyer, String supplier, List<List<Object>> flows) {
	}

	/**
	 * Every flow, in batches of {@code batchSize}, grouped by (buyer, supplier) so that a
	 * writer looks each pair of nodes up once, not once per flow. In key order (supplier,
	 * buyer, item-stage, year, source), so that the flows of a pair are adjacent.
	 */
	void forEachBatch(int batchSize, Consumer<Batch> consumer) {
		BatchBuilder builder = new BatchBuilder();
		forEachSorted(LongUnaryOperator.identity(), LongUnaryOperator.identity(), (key, quantity) -> {
			long groupKey = key & ((1L << (ITEM_STAGE_BITS + YEAR_BITS + SOURCE_BITS + PARTY_BITS)) - 1);
			Group group = this.groups.get(groupKey);
			int source = (int) (key & ((1 << SOURCE_BITS) - 1));
			long year = ((key >>> SOURCE_BITS) & ((1 << YEAR_BITS) - 1)) + 1900;
			long itemStage = (key >>> (SOURCE_BITS + YEAR_BITS)) & ((1 << ITEM_STAGE_BITS) - 1);
			long pair = key >>> (SOURCE_BITS + YEAR_BITS + ITEM_STAGE_BITS);
			if (pair != builder.pair || builder.flows == null) {
				int buyer = (int) (pair & ((1 << PARTY_BITS) - 1));
				int seller = (int) (pair >>> PARTY_BITS);
				builder.flows = new ArrayList<>();
				builder.pairs.add(new Pair(this.parties.get(buyer), this.parties.get(seller), builder.flows));
				builder.pair = pair;
			}
			builder.flows.add(List.of(itemStage, year, (long) source, group.total > 0 ? quantity / group.total : 0.0,
					quantity, (long) group.unit));
			if (++builder.size == batchSize) {
				consumer.accept(builder.take());
			}
		});
		if (builder.size > 0) {
			consumer.accept(builder.take());
		}
	}

	/**
	 * One (buyer, item, stage, year, source) group of flows: its suppliers and their
	 * shares, in the same order.
	 */
	interface SplitVisitor {

		void accept(String buyer, String item, String stage, long year, String source, List<String> suppliers,
				double[] shares);

	}

	/**
	 * Every group of flows once, with its suppliers (in the order of {@link #parties()})
	 * and their shares: the flows' keys sorted by (group, supplier) rather than by
	 * supplier first (one array of longs, as {@link #forEachBatch} sorts), so a group's
	 * flows are adjacent and only the current group is built at a time.
	 */
	void forEachSplit(SplitVisitor visitor) {
		int groupBits = PARTY_BITS + ITEM_STAGE_BITS + YEAR_BITS + SOURCE_BITS;
		long groupMask = (1L << groupBits) - 1;
		long partyMask = (1L << PARTY_BITS) - 1;
		SplitBuilder builder = new SplitBuilder(visitor);
		forEachSorted(key -> (key & groupMask) << PARTY_BITS | key >>> groupBits,
				position -> (position & partyMask) << groupBits | position >>> PARTY_BITS, (key, quantity) -> {
					long groupKey = key & groupMask;
					if (groupKey != builder.groupKey) {
						builder.flush();
						builder.groupKey = groupKey;
					}
					Group group = this.groups.get(groupKey);
					builder.add(this.parties.get((int) (key >>> groupBits)),
							group.total > 0 ? quantity / group.total : 0.0);
				});
		builder.flush();
	}

	/** A flow's packed key and its quantity. */
	private interface FlowVisitor {

		void accept(long key, double quantity);

	}

	/**
	 * The flows in the order of {@code order(key)} (as signed longs), a one-to-one
	 * mapping of the keys whose {@code inverse} gives the key back: the same flows sorted
	 * another way, one array of longs, without boxing.
	 */
	private void forEachSorted(LongUnaryOperator order, LongUnaryOperator inverse, FlowVisitor visitor) {
		long[] sorted = this.flows.keySet().toArray();
		for (int i = 0; i < sorted.length; i++) {
			sorted[i] = order.applyAsLong(sorted[i]);
		}
		Arrays.sort(sorted);
		for (long position : sorted) {
			long key = inverse.applyAsLong(position);
			visitor.accept(key, this.flows.get(key));
		}
	}

	/** The group being filled by {@link #forEachSplit}. */
	private final class SplitBuilder {

		final SplitVisitor visitor;

		long groupKey = -1;

		final List<String> suppliers = new ArrayList<>();

		double[] shares = new double[16];

		SplitBuilder(SplitVisitor visitor) {
			this.visitor = visitor;
		}

		void add(String supplier, double share) {
			if (this.suppliers.size() == this.shares.length) {
				this.shares = Arrays.copyOf(this.shares, this.shares.length * 2);
			}
			this.shares[this.suppliers.size()] = share;
			this.suppliers.add(supplier);
		}

		void flush() {
			if (this.suppliers.isEmpty()) {
				return;
			}
			long key = this.groupKey;
			int source = (int) (key & ((1 << SOURCE_BITS) - 1));
			long year = ((key >>> SOURCE_BITS) & ((1 << YEAR_BITS) - 1)) + 1900;
			int itemStage = (int) ((key >>> (SOURCE_BITS + YEAR_BITS)) & ((1 << ITEM_STAGE_BITS) - 1));
			int buyer = (int) (key >>> (SOURCE_BITS + YEAR_BITS + ITEM_STAGE_BITS));
			String[] is = TradeFlows.this.itemStages.get(itemStage);
			this.visitor.accept(TradeFlows.this.parties.get(buyer), is[0], is[1], year,
					TradeFlows.this.sources.get(source), List.copyOf(this.suppliers),
					Arrays.copyOf(this.shares, this.suppliers.size()));
			this.suppliers.clear();
		}

	}

	/** The batch being filled by {@link #forEachBatch}. */
	private static final class BatchBuilder {

		final List<Pair> pairs = new ArrayList<>();

		long pair = -1;

		List<List<Object>> flows;

		int size;

		Batch take() {
			Batch batch = new Batch(List.copyOf(this.pairs), this.size);
			this.pairs.clear();
			this.flows = null;
			this.size = 0;
			return batch;
		}

	}

}
