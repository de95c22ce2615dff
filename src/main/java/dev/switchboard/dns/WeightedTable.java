package dev.switchboard.dns;

import java.util.List;
import java.util.random.RandomGenerator;

/** Targets with their weights, from which one answer per query is drawn in proportion to weight. */
final class WeightedTable {

    private final List<List<Target>> choices;
    private final int[] cumulativeWeights;

    /** @param weights each target's weight, in the same order */
    WeightedTable(List<Target> targets, List<Integer> weights) {
        this.choices = targets.stream().map(List::of).toList();
        this.cumulativeWeights = new int[weights.size()];
        int total = 0;
        for (int i = 0; i < cumulativeWeights.length; i++) {
            total += weights.get(i);
            cumulativeWeights[i] = total;
        }
    }

    /** One target, or none when the table is empty. */
    List<Target> draw(RandomGenerator random) {
        if (choices.isEmpty()) {
            return List.of();
        }
        int r = random.nextInt(cumulativeWeights[cumulativeWeights.length - 1]);
        int i = 0;
        while (cumulativeWeights[i] <= r) {
            i++;
        }
        return choices.get(i);
    }
}
