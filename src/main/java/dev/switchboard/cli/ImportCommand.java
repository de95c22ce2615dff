package dev.switchboard.cli;

import picocli.CommandLine.Command;

/** {@code switchboard import}: brings configuration from elsewhere; {@code apim} is the one source so far. */
@Command(name = "import",
        mixinStandardHelpOptions = true,
        description = "Import gateway configuration from another product.",
        subcommands = {ImportApimCommand.class})
public final class ImportCommand implements Runnable {

    @picocli.CommandLine.Spec
    private picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
