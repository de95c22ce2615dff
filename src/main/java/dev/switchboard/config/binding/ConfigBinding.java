package dev.switchboard.config.binding;

import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.ConfigResult;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.json.JsonTree;
import java.util.Comparator;
import java.util.List;

/** Turns a parsed document into a resolved {@link GatewayConfig}, or into every problem it has. */
public final class ConfigBinding {

    private static final Comparator<ConfigProblem> BY_POSITION = Comparator.comparingInt(ConfigProblem::line)
            .thenComparingInt(ConfigProblem::column)
            .thenComparing(ConfigProblem::path)
            .thenComparing(ConfigProblem::message);

    private ConfigBinding() {
    }

    /**
     * Binds {@code root} and validates the result.
     *
     * @param root           the document
     * @param readerProblems problems the reader already found (duplicate keys), reported together with the rest
     */
    public static ConfigResult bind(JsonTree root, List<ConfigProblem> readerProblems) {
        BindContext context = new BindContext();
        readerProblems.forEach(context::add);
        GatewayConfig config = FieldReader.bind(root, "", new GatewayConfigBinder(), context);
        if (config != null) {
            ConfigValidator.validate(config, context);
        }
        List<ConfigProblem> problems = context.problems().stream().sorted(BY_POSITION).toList();
        return problems.isEmpty() ? new ConfigResult.Valid(config) : new ConfigResult.Invalid(problems);
    }
}
