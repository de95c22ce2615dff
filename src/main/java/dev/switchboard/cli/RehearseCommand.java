package dev.switchboard.cli;

import dev.switchboard.config.ConfigException;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.scenario.Scenario;
import dev.switchboard.config.scenario.ScenarioLoader;
import dev.switchboard.rehearsal.Rehearsal;
import dev.switchboard.rehearsal.RehearsalJson;
import dev.switchboard.rehearsal.RehearsalResult;
import dev.switchboard.rehearsal.RehearsalText;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code switchboard rehearse}: runs a failure scenario against a config in virtual time. */
@Command(name = "rehearse",
        mixinStandardHelpOptions = true,
        description = "Rehearse a scenario against a gateway config in virtual time: the real engine, simulated backends "
                + "whose behaviour changes over time, no sockets. See docs/rehearsal.md.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the rehearsal ran", "1:the config or the scenario has problems", "2:a file cannot be read"})
public final class RehearseCommand implements Callable<Integer> {

    @Option(names = "--config", required = true, paramLabel = "FILE", description = "gateway config JSON")
    private Path config;

    @Option(names = "--scenario", required = true, paramLabel = "SCENARIO.json", description = "scenario JSON")
    private Path scenario;

    @Option(names = "--apim", description = "rehearse with Azure API Management's semantics instead of Switchboard's")
    private boolean apim;

    @Option(names = "--json", description = "print the result as JSON")
    private boolean json;

    @Option(names = "--seed", paramLabel = "N", description = "seed of every random choice; overrides the scenario's")
    private Long seed;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ConfigFile loaded = ConfigFile.load(config, err);
        if (!loaded.loaded()) {
            return loaded.exitCode();
        }
        Scenario s;
        try {
            s = ScenarioLoader.load(scenario, loaded.config());
        } catch (NoSuchFileException e) {
            err.println("cannot read " + scenario + ": no such file");
            return ConfigFile.UNREADABLE;
        } catch (IOException e) {
            err.println("cannot read " + scenario + ": " + e.getMessage());
            return ConfigFile.UNREADABLE;
        } catch (ConfigException e) {
            for (ConfigProblem p : e.problems()) {
                err.println(scenario + ":" + p.line() + ":" + p.column() + ": " + p.path() + ": " + p.message());
            }
            return ConfigFile.INVALID;
        }
        RehearsalResult result = Rehearsal.run(loaded.config(), seed == null ? s : s.withSeed(seed), apim);
        spec.commandLine().getOut().print(json ? RehearsalJson.write(result) : RehearsalText.write(result));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
