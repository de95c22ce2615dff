package dev.switchboard.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of {@code switchboard}: every subcommand hangs off this one. */
@Command(name = "switchboard",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Load-balancing gateway and operations console modelled on Azure API Management backend pools.",
        subcommands = {ConsoleCommand.class, DemoCommand.class, GatewayCommand.class, FleetCommand.class, ValidateCommand.class,
                SimBackendCommand.class, ImportCommand.class, RehearseCommand.class})
public final class Main implements Runnable {

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("gateway")) {
            // Before picocli and the config's load: systemd's reload may send SIGHUP while the gateway starts.
            ReloadSignal.queueUntilReady();
        }
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code; with no arguments, the console on the demo. Used by tests too. */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(consoleByDefault(args));
    }

    /** No arguments, or only {@code --smoke-test} (the installer's check of the bare launcher), mean the console. */
    static String[] consoleByDefault(String[] args) {
        if (args.length == 0) {
            return new String[] {"console"};
        }
        if (args.length == 1 && args[0].equals("--smoke-test")) {
            return new String[] {"console", "--smoke-test"};
        }
        return args;
    }

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
