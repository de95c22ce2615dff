package dev.switchboard.apim;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * The side report written beside the imported config: counts, every entry with its source, and the mapping from
 * each config element (api, rule, backend, action) back to the policy element or resource it came from.
 */
public final class ImportReportJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ImportReportJson() {
    }

    public static String render(ImportReport report) {
        return render(report, null);
    }

    /** @param noConfig why no config was written beside this report; null when one was */
    public static String render(ImportReport report, String noConfig) {
        ObjectNode root = JSON.createObjectNode();
        if (noConfig != null) {
            root.put("configNotWritten", noConfig);
        }
        ObjectNode summary = root.putObject("summary");
        report.counts().forEach((kind, count) -> summary.put(kind.name().toLowerCase(Locale.ROOT), count));
        ArrayNode entries = root.putArray("entries");
        ObjectNode mapping = root.putObject("mapping");
        for (ImportReport.Entry entry : report.entries()) {
            ObjectNode e = entries.addObject();
            e.put("kind", entry.kind().name().toLowerCase(Locale.ROOT));
            e.put("file", entry.source().file());
            if (entry.source().jsonPath() != null) {
                e.put("jsonPath", entry.source().jsonPath());
            }
            if (entry.source().line() > 0) {
                e.put("line", entry.source().line());
                e.put("column", entry.source().column());
            }
            e.put("element", entry.element());
            e.put("message", entry.message());
            if (entry.hint() != null) {
                e.put("hint", entry.hint());
            }
            if (entry.target() != null) {
                e.put("target", entry.target());
                if (entry.kind() != ImportReport.Kind.UNSUPPORTED && !mapping.has(entry.target())) {
                    mapping.put(entry.target(), entry.source().toString());
                }
            }
        }
        return root.toPrettyString() + "\n";
    }
}
