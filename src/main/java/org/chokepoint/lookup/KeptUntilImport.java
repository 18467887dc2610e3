package org.chokepoint.lookup;

import org.chokepoint.importer.ImportReport;
import org.chokepoint.importer.ImportedElsewhere;

import org.springframework.context.event.EventListener;

/**
 * What a lookup reads of the data once and keeps until an import: this instance's
 * ({@link ImportReport}) or another's once seen ({@link ImportedElsewhere}). A read begun
 * before a forget is not kept after it, since it may be of the data replaced: take the
 * {@link #generation()} before reading, and {@link #keep} the result with it.
 */
abstract class KeptUntilImport {

	/** Counts forgets; guarded by this. */
	private long forgets;

	/** The generation to give {@link #keep} for a read begun now. */
	protected final synchronized long generation() {
		return this.forgets;
	}

	/**
	 * Runs {@code keep} (which stores a read) unless what was read has been forgotten
	 * since {@code generation}.
	 */
	protected final synchronized void keep(long generation, Runnable keep) {
		if (this.forgets == generation) {
			keep.run();
		}
	}

	/** Drops everything kept; called with the lock held. */
	protected abstract void clear();

	@EventListener
	void imported(ImportReport report) {
		forget();
	}

	@EventListener
	void importedElsewhere(ImportedElsewhere change) {
		forget();
	}

	private synchronized void forget() {
		this.forgets++;
		clear();
	}

}
