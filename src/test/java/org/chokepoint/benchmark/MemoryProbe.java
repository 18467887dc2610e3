package org.chokepoint.benchmark;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Two pointer chases, each over a cycle of random order: over 128 MB, so that nearly
 * every load misses the caches (how long a load from memory takes now), and over 4 MB, an
 * eighth of the 32 MB last-level cache of these machines (how long a load from that cache
 * takes, or from memory where other machines sharing it have filled it). Run beside each
 * start (the service not yet started), they tell a slow stretch of the machine (its
 * memory and caches are shared with other machines: CPU time grows, nothing is stolen)
 * from a slow start of the service. {@link ColdStarts} runs them before each start, and
 * {@link PeerBenchmark} before each start its verdicts are taken from.
 */
final class MemoryProbe {

	private static final int LOADS = 4_000_000;

	private final int[] memory = cycle(32 * 1024 * 1024);

	private final int[] cache = cycle(1024 * 1024);

	/** Sattolo's shuffle: one cycle through every slot of an array of {@code size}. */
	private static int[] cycle(int size) {
		int[] next = new int[size];
		for (int i = 0; i < next.length; i++) {
			next[i] = i;
		}
		SplittableRandom random = new SplittableRandom(1);
		for (int i = next.length - 1; i > 0; i--) {
			int j = random.nextInt(i);
			int t = next[i];
			next[i] = next[j];
			next[j] = t;
		}
		return next;
	}

	/**
	 * The chase over 128 MB: the median of three of {@value #LOADS} loads, in ns a load.
	 */
	double nanosPerLoad() {
		return chase(this.memory);
	}

	/**
	 * The chase over 4 MB, after a walk through it that brings it into the caches: the
	 * median of three of {@value #LOADS} loads, in ns a load.
	 */
	double cacheNanosPerLoad() {
		chase(this.cache);
		return chase(this.cache);
	}

	/** Both, as a note says them. */
	String note() {
		return String.format(java.util.Locale.ROOT, "%.1f ns a load over 128 MB, %.1f over 4 MB", nanosPerLoad(),
				cacheNanosPerLoad());
	}

	private static double chase(int[] next) {
		double[] runs = new double[3];
		int at = 0;
		for (int r = 0; r < runs.length; r++) {
			long started = System.nanoTime();
			for (int k = 0; k < LOADS; k++) {
				at = next[at];
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
