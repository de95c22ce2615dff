package dev.switchboard.console.config.form;

import dev.switchboard.config.ConfigProblem;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/** Puts each of the validator's problems at the deepest place of a form that contains its path. */
final class ProblemPlacement {

    private ProblemPlacement() {
    }

    /** Messages by place (one per line); problems no place contains are left out (the problems list has all). */
    static Map<JsonPath, String> place(Collection<JsonPath> places, Collection<ConfigProblem> problems) {
        Map<JsonPath, String> placed = new LinkedHashMap<>();
        for (ConfigProblem problem : problems) {
            JsonPath at = deepest(places, problem.path());
            if (at != null) {
                placed.merge(at, problem.message(), (a, b) -> a + "\n" + b);
            }
        }
        return placed;
    }

    static JsonPath deepest(Collection<JsonPath> places, String problemPath) {
        JsonPath best = null;
        for (JsonPath place : places) {
            if (place.contains(problemPath) && (best == null || place.segments().size() > best.segments().size())) {
                best = place;
            }
        }
        return best;
    }
}
