package dev.switchboard.cli;

import dev.switchboard.apim.ApimImporter;
import dev.switchboard.apim.ImportException;
import dev.switchboard.apim.ImportReport;
import dev.switchboard.apim.ImportReportJson;
import dev.switchboard.apim.NamedValuesFile;
import dev.switchboard.config.ConfigWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code switchboard import apim INPUT... -o OUT.json}: translates ARM templates and APIOps folders into a gateway
 * config, with a side report {@code OUT.report.json} mapping every api and rule back to its policy element.
 */
@Command(name = "apim",
        mixinStandardHelpOptions = true,
        description = "Import Azure API Management backends and policies from ARM templates and APIOps extractor folders.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:everything translated (warnings allowed)",
                "1:something could not be translated; OUT.json holds the rest and the report lists it"
                        + " (with no backend left, only the report is written and an older OUT.json is removed)",
                "2:an input cannot be read (including a policy that is not well-formed XML)"})
public final class ImportApimCommand implements Callable<Integer> {

    @Parameters(paramLabel = "INPUT", arity = "1..*", description = "ARM template JSON files and APIOps extractor folders")
    private List<Path> inputs;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "OUT.json", description = "the gateway config to write")
    private Path output;

    @Option(names = "--named-values", paramLabel = "FILE", description = "JSON object of named value name -> value; wins over the input's")
    private Path namedValuesFile;

    @Option(names = "--region", paramLabel = "NAME", description = "the gateway's region (context.Deployment.Region)")
    private String region;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        ApimImporter.Result result;
        try {
            result = ApimImporter.run(inputs, NamedValuesFile.read(namedValuesFile), region);
        } catch (ImportException e) {
            err.println(e.getMessage());
            return ConfigFile.UNREADABLE;
        }
        ImportReport report = result.report();
        // Every element: not translated on stderr, the rest (translated, approximated, warnings) on stdout.
        for (ImportReport.Entry entry : report.entries()) {
            (entry.kind() == ImportReport.Kind.UNSUPPORTED ? err : out).println(entry.kind().name().toLowerCase() + ": " + entry);
        }
        Path reportFile = reportPath(output);
        Path writing = output;
        try {
            boolean removedOlder = false;
            if (result.config() != null) {
                ConfigWriter.write(result.config(), output);
            } else {
                // An older OUT.json beside this run's report would look like this run's config, so it goes.
                removedOlder = Files.deleteIfExists(output);
            }
            writing = reportFile;
            Files.writeString(reportFile, ImportReportJson.render(report, result.noConfig()), StandardCharsets.UTF_8);
            if (result.config() != null) {
                out.println("wrote " + output + " and " + reportFile + ": " + report.summary());
                return report.complete() ? 0 : 1;
            }
            err.println(output + " not written: " + result.noConfig()
                    + (removedOlder ? "; the older " + output + " was removed, as it is not this import's result" : ""));
            out.println("wrote only " + reportFile + ": " + report.summary());
            return 1;
        } catch (IOException e) {
            err.println("cannot write " + writing + ": " + e.getMessage());
            return ConfigFile.UNREADABLE;
        }
    }

    /** OUT.json → OUT.report.json beside it. */
    static Path reportPath(Path output) {
        String name = output.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
        return output.resolveSibling(stem + ".report.json");
    }
}
