package org.chokepoint.supplychain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import org.chokepoint.supplychain.ChainComputation.Split;
import org.chokepoint.supplychain.ChainComputation.StageFacts;

/**
 * The k heaviest supply paths of a chain, without enumerating them all: a best-first
 * search over partial paths. A path's weight only shrinks as it goes upstream (shares are
 * at most 1), so the partial path with the largest weight is expanded first, and complete
 * paths come out heaviest first.
 */
final class PathFinder {

	/**
	 * A bound on the work, whatever the data: the search stops after this many
	 * expansions.
	 */
	static final int MAX_EXPANSIONS = 200_000;

	static final String UNKNOWN = "UNKNOWN";

	private PathFinder() {
	}

	/** A step of a path: at this item and stage, this supplier. */
	record Step(String item, Stage stage, String country) {
	}

	/**
	 * A path from the consumer upstream; it ends at a mine, at the last known stage, or
	 * at the unknown supplier.
	 */
	record Path(double weight, List<Step> steps) {
	}

	private record Partial(double weight, List<Step> steps, List<String> position, int stageIndex, String buyer) {

		/**
		 * Orders paths of equal weight by their steps, then by where they stand: the
		 * answer never depends on fact order.
		 */
		String tieBreak() {
			StringBuilder key = new StringBuilder();
			this.steps.forEach(step -> key.append(step.item())
				.append(' ')
				.append(step.stage().ordinal())
				.append(' ')
				.append(step.country())
				.append('/'));
			return key.append('|')
				.append(this.position == null ? "" : String.join("/", this.position))
				.append('|')
				.append(this.stageIndex)
				.toString();
		}

	}

	static List<Path> heaviest(ChainComputation chain, String consumer, int k) {
		List<List<String>> positions = chain.positions()
			.stream()
			.map(ChainComputation.PositionStages::position)
			.toList();
		List<String> root = positions.stream().filter(p -> p.size() == 1).findFirst().orElseThrow();
		PriorityQueue<Partial> queue = new PriorityQueue<>(
				Comparator.comparingDouble(Partial::weight).reversed().thenComparing(Partial::tieBreak));
		queue.add(new Partial(1.0, List.of(), root, 0, consumer));
		List<Path> paths = new ArrayList<>();
		int expansions = 0;
		while (!queue.isEmpty() && paths.size() < k && expansions++ < MAX_EXPANSIONS) {
			Partial partial = queue.poll();
			if (partial.position() == null) {
				paths.add(new Path(partial.weight(), partial.steps()));
				continue;
			}
			String item = partial.position().get(partial.position().size() - 1);
			List<StageFacts> stages = stagesOf(chain, item);
			if (partial.stageIndex() >= stages.size()) {
				List<List<String>> children = positions.stream()
					.filter(p -> p.size() == partial.position().size() + 1
							&& p.subList(0, partial.position().size()).equals(partial.position()))
					.toList();
				if (children.isEmpty()) {
					queue.add(new Partial(partial.weight(), partial.steps(), null, 0, null));
				}
				children.forEach(
						child -> queue.add(new Partial(partial.weight(), partial.steps(), child, 0, partial.buyer())));
				continue;
			}
			StageFacts stage = stages.get(partial.stageIndex());
			double attributed = 0;
			for (Split split : stage.splitFor(partial.buyer())) {
				attributed += split.share();
				if (split.share() > 0) {
					queue.add(new Partial(partial.weight() * split.share(),
							append(partial.steps(), new Step(item, stage.stage(), split.country())), partial.position(),
							partial.stageIndex() + 1, split.country()));
				}
			}
			if (1 - attributed > 1e-12) {
				queue.add(new Partial(partial.weight() * (1 - attributed),
						append(partial.steps(), new Step(item, stage.stage(), UNKNOWN)), null, 0, null));
			}
		}
		return paths;
	}

	private static List<StageFacts> stagesOf(ChainComputation chain, String item) {
		Map<Stage, StageFacts> facts = chain.factsOf(item);
		// the order of the chain: manufacturing, then refining, then mining
		return List.of(Stage.MANUFACTURING, Stage.REFINING, Stage.MINING)
			.stream()
			.filter(facts::containsKey)
			.map(facts::get)
			.toList();
	}

	private static List<Step> append(List<Step> steps, Step step) {
		List<Step> result = new ArrayList<>(steps);
		result.add(step);
		return List.copyOf(result);
	}

}
