package org.chokepoint.importer;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The errors of one import run, capped: at most {@code perFile} are kept for each file
 * and {@code total} in all; the rest are only counted, and {@link #withSummary()} says
 * how many were left out ("and N more"). A wrong file can have millions of errors: the
 * answer and the log stay small whatever it holds.
 */
final class ImportErrors extends AbstractList<ImportError> {

	private final int perFile;

	private final int total;

	private final List<ImportError> kept = new ArrayList<>();

	/** Errors per file, kept or not. */
	private final Map<String, Long> counted = new LinkedHashMap<>();

	private long left;

	ImportErrors(int perFile, int total) {
		this.perFile = perFile;
		this.total = total;
	}

	ImportErrors(ImportLimits limits) {
		this(limits.maxErrorsPerFile(), limits.maxErrors());
	}

	@Override
	public boolean add(ImportError error) {
		long count = this.counted.merge(error.file(), 1L, Long::sum);
		if (count > this.perFile || this.kept.size() >= this.total) {
			this.left++;
			return true;
		}
		this.kept.add(error);
		return true;
	}

	@Override
	public ImportError get(int index) {
		return this.kept.get(index);
	}

	@Override
	public int size() {
		return this.kept.size();
	}

	/** Every error found in a file, listed or not. */
	long count(String file) {
		return this.counted.getOrDefault(file, 0L);
	}

	/** Whether a file has more errors than are listed: reading it on only counts. */
	boolean full(String file) {
		return count(file) >= this.perFile || this.kept.size() >= this.total;
	}

	/** The errors kept, then one line per file saying how many more it had. */
	List<ImportError> withSummary() {
		List<ImportError> result = new ArrayList<>(this.kept);
		if (this.left == 0) {
			return result;
		}
		Map<String, Long> listed = new LinkedHashMap<>();
		this.kept.forEach(e -> listed.merge(e.file(), 1L, Long::sum));
		this.counted.forEach((file, count) -> {
			long more = count - listed.getOrDefault(file, 0L);
			if (more > 0) {
				result.add(new ImportError(file, 0, 0, null, "and " + more + " more error(s) not listed (at most "
						+ this.perFile + " per file and " + this.total + " in all are)"));
			}
		});
		return result;
	}

}
