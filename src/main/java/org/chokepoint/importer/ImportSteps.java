package org.chokepoint.importer;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A diagnostic hook at the named steps of a full import, doing nothing unless the system
 * property {@code chokepoint.import.pause-after} names one of them: then the import stops
 * the first time it reaches that step, says so on standard output
 * ({@code import paused after: STEP}) and waits, which is how {@code ImportKilledIT}
 * kills it at a known point (as {@code chokepoint.restore.pause-after} does for a
 * restore). The steps: {@value #BATCH_COMMITTED} (a batch of the staged trade flows is
 * committed; only the thread that committed it waits, so with one writer thread nothing
 * more is staged) and {@value #STAGED} (everything staged, before the switch).
 */
final class ImportSteps {

	static final String PROPERTY = "chokepoint.import.pause-after";

	static final String BATCH_COMMITTED = "trade-flow batch committed";

	static final String STAGED = "staged";

	private static final AtomicBoolean paused = new AtomicBoolean();

	private ImportSteps() {
	}

	static void reached(String step) {
		String pauseAfter = System.getProperty(PROPERTY);
		if (pauseAfter == null || !pauseAfter.equals(step) || !paused.compareAndSet(false, true)) {
			return;
		}
		System.out.println("import paused after: " + step);
		System.out.flush();
		try {
			Thread.sleep(Long.MAX_VALUE);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
