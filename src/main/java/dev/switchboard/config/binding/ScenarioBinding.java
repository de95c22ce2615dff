package dev.switchboard.config.binding;

import dev.switchboard.config.ConfigException;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.json.JsonTree;
import dev.switchboard.config.scenario.Scenario;
import java.util.Comparator;
import java.util.List;

/** Turns a parsed scenario document into a {@link Scenario} for one gateway config, or into every problem it has. */
public final class ScenarioBinding {

    private ScenarioBinding() {
    }

    /**
     * @param root           the document
     * @param readerProblems problems the reader already found (duplicate keys)
     * @param config         the config the scenario rehearses: its backends are the ones phases may name
     * @throws ConfigException with every problem, sorted by position
     */
    public static Scenario bind(JsonTree root, List<ConfigProblem> readerProblems, GatewayConfig config) {
        BindContext context = new BindContext();
        readerProblems.forEach(context::add);
        Scenario scenario = FieldReader.bind(root, "", new ScenarioBinder(config), context);
        if (context.problemCount() > 0 || scenario == null) {
            throw new ConfigException(context.problems().stream()
                    .sorted(Comparator.comparingInt(ConfigProblem::line).thenComparingInt(ConfigProblem::column))
                    .toList());
        }
        return scenario;
    }
}
