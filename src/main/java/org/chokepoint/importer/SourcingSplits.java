package org.chokepoint.importer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.neo4j.driver.Transaction;

/**
 * Writes the derived, compact form of the {@code SOURCES} facts the chain analysis reads: one
 * {@code (:Party)-[:SOURCING_SPLIT {stage, year, source, suppliers, shares}]->(:Item)} per
 * (buyer, item, stage, year, source) group of {@code SOURCES} facts: its suppliers' codes as one
 * comma-separated string and their shares as a list, in the same order. A chain then reads a few
 * hundred relationships per item instead of tens of thousands, and one string per buyer rather
 * than a list of codes (a list of strings costs an object per code in the store, over Bolt and
 * in the driver; docs/scaling.md). Party codes are ISO3 or bloc codes (letters, digits and
 * hyphens, checked by the import), so a comma never occurs in one.
 *
 * <p>Each split carries {@code basis}, what its shares are of: {@code imports} for the trade flows
 * (shares of the buyer's imports, its own output not among them); for {@code sourcing.csv} groups,
 * the rows' {@code basis} where the file gives one.
 *
 * <p>Written in the import's switch transaction, after every node, from the same validated rows
 * and added-up trade flows as the {@code SOURCES} relationships: the splits switch with the facts
 * they summarise, all or nothing, and are retired and deleted with them.
 */
final class SourcingSplits {

	/** Groups per statement: a group carries up to a few hundred suppliers. */
	static final int BATCH_SIZE = 500;

	static final String WRITE = """
			UNWIND $rows AS r
			MATCH (buyer:Party {code: r[0]})
			MATCH (item:Item {id: r[1]})
			CREATE (buyer)-[:SOURCING_SPLIT {stage: r[2], year: r[3], source: r[4], suppliers: r[5], shares: r[6],
			                                 basis: r[7]}]->(item)
			""";

	/** The basis of every split of the trade flows: their shares are of the buyer's imports. */
	static final String TRADE_FLOW_BASIS = "imports";

	/** One group's suppliers and shares, grown as facts come. */
	private static final class Group {

		final Object[] key;

		String basis;

		String[] suppliers = new String[8];

		double[] shares = new double[8];

		int size;

		Group(Object[] key) {
			this.key = key;
		}

		void add(String supplier, double share) {
			if (this.size == this.suppliers.length) {
				this.suppliers = Arrays.copyOf(this.suppliers, this.size * 2);
				this.shares = Arrays.copyOf(this.shares, this.size * 2);
			}
			this.suppliers[this.size] = supplier;
			this.shares[this.size++] = share;
		}

		List<Object> row() {
			// a list that admits null: a group without a basis writes no basis property
			return Arrays.asList(this.key[0], this.key[1], this.key[2], this.key[3], this.key[4],
					String.join(",", Arrays.asList(this.suppliers).subList(0, this.size)), Arrays.copyOf(this.shares, this.size),
					this.basis);
		}

	}

	private SourcingSplits() {
	}

	/** Writes the splits of sourcing.csv and of the trade flows, inside {@code tx}. */
	static void write(Transaction tx, ImportData data, Consumer<String> progress) {
		long started = System.nanoTime();
		Map<String, Group> groups = new LinkedHashMap<>();
		for (Map<String, Object> row : data.of(ImportFile.SOURCING)) {
			Group group = group(groups, (String) row.get("buyer"), (String) row.get("item"), (String) row.get("stage"),
					(Long) row.get("year"), (String) row.get("source"));
			group.add((String) row.get("supplier"), (Double) row.get("share"));
			if (group.basis == null) {
				group.basis = (String) row.get("basis");
			}
		}
		Writer writer = new Writer(tx);
		groups.values().forEach(group -> writer.add(group.row()));
		// a group comes from one file only (the import refuses one given by both), so no merging
		data.tradeFlows()
			.forEachSplit((buyer, item, stage, year, source, suppliers, shares) -> writer
				.add(List.of(buyer, item, stage, year, source, String.join(",", suppliers), shares, TRADE_FLOW_BASIS)));
		writer.flush();
		progress.accept("SOURCING_SPLIT: " + writer.written + " splits of the SOURCES facts in "
				+ (System.nanoTime() - started) / 1_000_000 + " ms");
	}

	/** Writes rows in statements of {@link #BATCH_SIZE}. */
	private static final class Writer {

		final Transaction tx;

		final List<List<Object>> rows = new ArrayList<>(BATCH_SIZE);

		int written;

		Writer(Transaction tx) {
			this.tx = tx;
		}

		void add(List<Object> row) {
			this.rows.add(row);
			this.written++;
			if (this.rows.size() == BATCH_SIZE) {
				flush();
			}
		}

		void flush() {
			if (!this.rows.isEmpty()) {
				this.tx.run(WRITE, Map.of("rows", this.rows)).consume();
				this.rows.clear();
			}
		}

	}

	private static Group group(Map<String, Group> groups, String buyer, String item, String stage, long year,
			String source) {
		return groups.computeIfAbsent(buyer + '\u0000' + item + '\u0000' + stage + '\u0000' + year + '\u0000' + source,
				k -> new Group(new Object[] { buyer, item, stage, year, source }));
	}

}
