package dev.switchboard.cli;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.ConfigResult;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.console.ConsoleLauncher;
import dev.switchboard.console.ConsoleSession;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard console}: the JavaFX operations console. Without options it embeds the demo (simulated
 * backends, a gateway on loopback, live traffic); with {@code --config} it embeds a gateway on that config.
 */
@Command(name = "console",
        mixinStandardHelpOptions = true,
        description = "Open the operations console; embeds the demo unless --config names a gateway config.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the window was closed", "1:the config has problems", "2:the config cannot be read",
                "3:no display to open a window on"})
public final class ConsoleCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE", description = "embed a gateway on this config instead of the demo")
    private Path file;

    @Option(names = "--rate", defaultValue = "300",
            description = "demo traffic in requests per second (default ${DEFAULT-VALUE}); adjustable in the window")
    private double rate;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        if (file == null) {
            return ConsoleLauncher.run(() -> ConsoleSession.demo(rate), err);
        }
        try {
            ConfigResult result = ConfigLoader.load(file);
            if (result instanceof ConfigResult.Invalid(var problems)) {
                for (ConfigProblem p : problems) {
                    err.println(file + ":" + p.line() + ":" + p.column() + ": " + p.path() + ": " + p.message());
                }
                return ValidateCommand.INVALID;
            }
            GatewayConfig config = result.orThrow();
            return ConsoleLauncher.run(() -> ConsoleSession.embedded(config), err);
        } catch (IOException e) {
            err.println("cannot read " + file + ": " + e.getMessage());
            return ValidateCommand.UNREADABLE;
        }
    }
}
