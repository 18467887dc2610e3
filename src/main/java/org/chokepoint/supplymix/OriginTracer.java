package org.chokepoint.supplymix;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Traces re-exports to their origin (domain.md, "Where it really comes from"): for one
 * (item, stage, year), every buyer with a mix gets the producers its supply comes from,
 *
 * <pre>origin(B) = own(B) x {B} + sum over partners p of share(B, p) x origin(p)</pre>
 *
 * where a partner without a mix of its own is its own origin, a bloc's member supplying
 * the bloc is a producer (trade inside a bloc is not imports), and the rest of a mix is
 * the unknown supplier. It is an absorbing Markov chain: the buyers with mixes are its
 * transient states, producers and the unknown supplier absorb. Weight that circulates
 * among traders and then leaves is followed exactly, by solving {@code (I - Q) O = R}
 * (Gaussian elimination with partial pivoting); buyers from which no weight can ever
 * reach a producer (a closed loop of traders) are left out of the system, so that what
 * flows into them, like what they hold, ends at the unknown supplier.
 */
final class OriginTracer {

	private OriginTracer() {
	}

	/**
	 * The traced mixes of every buyer of {@code direct}.
	 * @param direct per buyer, its direct mix as of one year
	 * @param members per bloc, its member countries
	 * @param asOf the year of the mixes
	 */
	static Map<String, Mix> trace(Map<String, Mix> direct, Map<String, Set<String>> members, long asOf) {
		List<String> states = new ArrayList<>(direct.keySet());
		Map<String, Integer> index = new HashMap<>();
		for (int i = 0; i < states.size(); i++) {
			index.put(states.get(i), i);
		}
		int n = states.size();
		// absorbing outcomes: producers by code; the unknown supplier is what is left
		// over
		List<String> outcomes = new ArrayList<>();
		Map<String, Integer> outcome = new HashMap<>();
		double[][] q = new double[n][n];
		List<Map<Integer, Double>> r = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			String buyer = states.get(i);
			Mix mix = direct.get(buyer);
			Set<String> own = members.getOrDefault(buyer, Set.of());
			Map<Integer, Double> absorbed = new LinkedHashMap<>();
			for (int k = 0; k < mix.suppliers().size(); k++) {
				String supplier = mix.suppliers().get(k);
				double share = mix.shares()[k];
				Integer partner = index.get(supplier);
				if (supplier.equals(buyer) || own.contains(supplier) || partner == null) {
					int o = outcome.computeIfAbsent(supplier, s -> {
						outcomes.add(s);
						return outcomes.size() - 1;
					});
					absorbed.merge(o, share, Double::sum);
				}
				else {
					q[i][partner] += share;
				}
			}
			r.add(absorbed);
		}
		boolean[] live = reachesAProducer(q, r);
		int[] position = new int[n];
		List<Integer> liveStates = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			position[i] = live[i] ? liveStates.size() : -1;
			if (live[i]) {
				liveStates.add(i);
			}
		}
		double[][] solved = solve(q, r, liveStates, position, outcomes.size());
		int[][] next = successors(q);
		Map<String, Mix> traced = new LinkedHashMap<>();
		for (int i = 0; i < n; i++) {
			String buyer = states.get(i);
			Mix mix = direct.get(buyer);
			double[] origin = live[i] ? solved[position[i]] : new double[outcomes.size()];
			traced.put(buyer, mix(buyer, mix, origin, outcomes, sources(i, next, direct, states), asOf));
		}
		return traced;
	}

	/**
	 * Which states can pass weight on to a producer: backwards from those that absorb
	 * any.
	 */
	private static boolean[] reachesAProducer(double[][] q, List<Map<Integer, Double>> r) {
		int n = q.length;
		boolean[] live = new boolean[n];
		Deque<Integer> queue = new ArrayDeque<>();
		for (int i = 0; i < n; i++) {
			if (r.get(i).values().stream().anyMatch(v -> v > 0)) {
				live[i] = true;
				queue.add(i);
			}
		}
		while (!queue.isEmpty()) {
			int j = queue.poll();
			for (int i = 0; i < n; i++) {
				if (!live[i] && q[i][j] > 0) {
					live[i] = true;
					queue.add(i);
				}
			}
		}
		return live;
	}

	/**
	 * Solves {@code (I - Q) O = R} over the live states; row per live state, column per
	 * outcome.
	 */
	private static double[][] solve(double[][] q, List<Map<Integer, Double>> r, List<Integer> liveStates,
			int[] position, int outcomes) {
		int n = liveStates.size();
		int width = n + outcomes;
		double[][] a = new double[n][width];
		for (int row = 0; row < n; row++) {
			int i = liveStates.get(row);
			a[row][row] = 1.0;
			for (int col = 0; col < n; col++) {
				a[row][col] -= q[i][liveStates.get(col)];
			}
			for (Map.Entry<Integer, Double> e : r.get(i).entrySet()) {
				a[row][n + e.getKey()] += e.getValue();
			}
		}
		for (int col = 0; col < n; col++) {
			int pivot = col;
			for (int row = col + 1; row < n; row++) {
				if (Math.abs(a[row][col]) > Math.abs(a[pivot][col])) {
					pivot = row;
				}
			}
			double[] swap = a[col];
			a[col] = a[pivot];
			a[pivot] = swap;
			double p = a[col][col];
			for (int row = 0; row < n; row++) {
				if (row != col && a[row][col] != 0.0) {
					double factor = a[row][col] / p;
					double[] target = a[row];
					double[] source = a[col];
					for (int k = col; k < width; k++) {
						target[k] -= factor * source[k];
					}
				}
			}
		}
		double[][] solved = new double[n][outcomes];
		for (int row = 0; row < n; row++) {
			for (int o = 0; o < outcomes; o++) {
				solved[row][o] = a[row][n + o] / a[row][row];
			}
		}
		return solved;
	}

	/**
	 * Each state's successors: the states it passes weight on to ({@code q[i][j] > 0}),
	 * in ascending order. A buyer's sources are found along these: a walk over the whole
	 * row of {@code q} from every state reached was the most of a trade year's
	 * re-derivation at tier M (240 buyers, a few hundred flows per item and year).
	 */
	private static int[][] successors(double[][] q) {
		int n = q.length;
		int[][] next = new int[n][];
		for (int i = 0; i < n; i++) {
			int count = 0;
			for (int j = 0; j < n; j++) {
				if (q[i][j] > 0) {
					count++;
				}
			}
			next[i] = new int[count];
			count = 0;
			for (int j = 0; j < n; j++) {
				if (q[i][j] > 0) {
					next[i][count++] = j;
				}
			}
		}
		return next;
	}

	/** The sources of every mix the buyer's weight can pass through. */
	private static List<String> sources(int start, int[][] next, Map<String, Mix> direct, List<String> states) {
		TreeSet<String> sources = new TreeSet<>();
		List<String> first = direct.get(states.get(start)).sources();
		boolean[] seen = new boolean[next.length];
		Deque<Integer> queue = new ArrayDeque<>(List.of(start));
		seen[start] = true;
		while (!queue.isEmpty()) {
			int i = queue.poll();
			sources.addAll(direct.get(states.get(i)).sources());
			for (int j : next[i]) {
				if (!seen[j]) {
					seen[j] = true;
					queue.add(j);
				}
			}
		}
		sources.removeAll(first);
		List<String> all = new ArrayList<>(first);
		all.addAll(sources);
		return all;
	}

	private static Mix mix(String buyer, Mix direct, double[] origin, List<String> outcomes, List<String> sources,
			long asOf) {
		List<String> suppliers = new ArrayList<>();
		List<Double> shares = new ArrayList<>();
		for (int o = 0; o < origin.length; o++) {
			double share = Math.min(1.0, origin[o]);
			if (share > 0.0) {
				suppliers.add(outcomes.get(o));
				shares.add(share);
			}
		}
		return SupplyMixes.sorted(buyer, Sourcing.TRACED, asOf, direct.dataYear(), direct.kind(), sources, suppliers,
				shares);
	}

}
