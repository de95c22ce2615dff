package dev.switchboard.cli;

import dev.switchboard.config.BackendConfig;
import dev.switchboard.config.ConfigHash;
import dev.switchboard.config.GatewayConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code switchboard validate FILE}: reports every problem of a config file, compiler style. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        description = "Check a gateway config file and report every problem as FILE:LINE:COL: path: message.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the config is valid", "1:the config has problems", "2:the file cannot be read"})
public final class ValidateCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "gateway config JSON")
    private Path file;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        ConfigFile loaded = ConfigFile.load(file, spec.commandLine().getErr());
        if (loaded.loaded()) {
            spec.commandLine().getOut().println(summary(loaded.config()));
        }
        return loaded.exitCode();
    }

    static String summary(GatewayConfig config) {
        long pools = config.backends().values().stream().filter(BackendConfig::isPool).count();
        int rules = config.backends().values().stream()
                .mapToInt(b -> b.circuitBreaker() == null ? 0 : b.circuitBreaker().rules().size()).sum();
        return "ok: " + count(config.backends().size(), "backend") + " (" + count(pools, "pool") + "), "
                + count(config.apis().size(), "api") + ", " + count(rules, "breaker rule")
                + " - version hash " + ConfigHash.shortHash(config);
    }

    private static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
