package dev.switchboard.apim;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an import did with every element it read: translated (with the config path it became), approximated,
 * shown but not enforced (warnings), or not translated (errors). Nothing is left out silently.
 */
public final class ImportReport {

    public enum Kind {
        /** Translated with the same behaviour. */
        TRANSLATED,
        /** Translated with a documented difference. */
        APPROXIMATED,
        /** Kept visible but not enforced, such as rate-limit; the import still succeeds. */
        WARNING,
        /** Could not be translated; the import exits 1. */
        UNSUPPORTED
    }

    /**
     * @param kind    what happened
     * @param source  file:line:column (and JSON path) of the element
     * @param element the element or resource, such as {@code send-request} or {@code backend func-eu}
     * @param message the reason, or for translated elements what it became
     * @param hint    the native equivalent to use instead; null when none
     * @param target  where it went in the config, such as {@code apis[orders].rules[geo-eu]}; null when nowhere
     */
    public record Entry(Kind kind, SourceRef source, String element, String message, String hint, String target) {

        /** {@code FILE:LINE:COLUMN: element: reason (hint)}. */
        @Override
        public String toString() {
            return source + ": " + element + ": " + message + (hint == null ? "" : " (hint: " + hint + ")");
        }
    }

    private final List<Entry> entries = new ArrayList<>();

    void add(Kind kind, SourceRef source, String element, String message, String hint, String target) {
        entries.add(new Entry(kind, source, element, message, hint, target));
    }

    void translated(SourceRef source, String element, String target) {
        translated(source, element, target, null);
    }

    /** Translated, with a note on how (such as which implicit backend a URL became). */
    void translated(SourceRef source, String element, String target, String note) {
        add(Kind.TRANSLATED, source, element, "translated to " + target + (note == null ? "" : "; " + note), null, target);
    }

    void approximated(SourceRef source, String element, String message, String target) {
        add(Kind.APPROXIMATED, source, element, message, null, target);
    }

    void warning(SourceRef source, String element, String message) {
        add(Kind.WARNING, source, element, message, null, null);
    }

    void unsupported(SourceRef source, String element, String message, String hint) {
        add(Kind.UNSUPPORTED, source, element, message, hint, null);
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }

    public List<Entry> of(Kind kind) {
        return entries.stream().filter(e -> e.kind() == kind).toList();
    }

    public boolean complete() {
        return of(Kind.UNSUPPORTED).isEmpty();
    }

    /** Drops the entries pointing at {@code target} or below it (the config element was removed after all). */
    void retarget(String removedTarget, String reason) {
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            if (e.target() != null && (e.target().equals(removedTarget) || e.target().startsWith(removedTarget + "."))) {
                entries.set(i, new Entry(Kind.UNSUPPORTED, e.source(), e.element(), reason, null, null));
            }
        }
    }

    /** "7 translated, 1 approximated, 2 warnings, 0 not translated". */
    public String summary() {
        Map<Kind, Integer> counts = counts();
        return counts.get(Kind.TRANSLATED) + " translated, " + counts.get(Kind.APPROXIMATED) + " approximated, "
                + counts.get(Kind.WARNING) + " warnings, " + counts.get(Kind.UNSUPPORTED) + " not translated";
    }

    /** Counts by kind, for summaries. */
    public Map<Kind, Integer> counts() {
        Map<Kind, Integer> counts = new LinkedHashMap<>();
        for (Kind kind : Kind.values()) {
            counts.put(kind, of(kind).size());
        }
        return counts;
    }
}
