package org.chokepoint.benchmark;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A pointer chase over 128 MB in a cycle of random order, so that nearly every load
 * misses the caches: how long a load from memory takes now. Run beside each start (the
 * service not yet started), it tells a slow stretch of the machine (its memory and caches
 * are shared with other machines: CPU time grows, nothing is stolen) from a slow start of
 * the service. {@link ColdStarts} runs it before each start, and {@link PeerBenchmark}
 * before each start its verdicts are taken from.
 */
final class MemoryProbe {

	private static final int LOADS = 4_000_000;

	private final int[] next = new int[32 * 1024 * 1024];

	MemoryProbe() {
		// Sattolo's shuffle: one cycle through every slot
		for (int i = 0; i < this.next.length; i++) {
			this.next[i] = i;
		}
		SplittableRandom random = new SplittableRandom(1);
		for (int i = this.next.length - 1; i > 0; i--) {
			int j = random.nextInt(i);
			int t = this.next[i];
			this.next[i] = this.next[j];
			this.next[j] = t;
		}
	}

	/** The median of three chases of {@value #LOADS} loads, in ns a load. */
	double nanosPerLoad() {
		double[] runs = new double[3];
		int at = 0;
		for (int r = 0; r < runs.length; r++) {
			long started = System.nanoTime();
			for (int k = 0; k < LOADS; k++) {
				at = this.next[at];
			}
			runs[r] = (System.nanoTime() - started) / (double) LOADS;
		}
		if (at < 0) {
			// never: the chase's result is used, so that it is not optimised away
			throw new IllegalStateException();
		}
		Arrays.sort(runs);
		return runs[1];
	}

}
