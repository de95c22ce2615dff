package dev.switchboard.console.fleet;

import dev.switchboard.fleet.HistoryEntry;
import dev.switchboard.fleet.PushResult;

/** What a push or rollback from the console did, in words: the first line is a summary, the rest the details. */
public final class PushOutcome {

    private PushOutcome() {
    }

    /** For a stale push, every change since the revision it was based on and the diff from there to the current config. */
    public static String describe(PushResult result) {
        return switch (result) {
            case PushResult.Written w -> "wrote revision " + w.revision() + " (version " + w.version() + ", hash " + w.hash() + ")";
            case PushResult.Invalid i -> "refused, " + i.problems().size() + " problem(s): " + i.problems().getFirst()
                    + "\n" + String.join("\n", i.problems().stream().map(Object::toString).toList());
            case PushResult.Stale s -> stale(s);
        };
    }

    private static String stale(PushResult.Stale s) {
        StringBuilder out = new StringBuilder("refused: based on revision " + s.expected() + " but the fleet is at revision "
                + s.current().revision() + " (" + s.since().size() + " change(s) since); refresh, merge and apply again\n"
                + "changes since " + s.expected() + ":\n");
        for (HistoryEntry e : s.since()) {
            out.append("  ").append(e.revision()).append("  ").append(e.time()).append("  ").append(e.operator()).append("  ")
                    .append(e.action()).append("  ").append(e.hash()).append('\n');
        }
        out.append("diff from ").append(s.expected()).append(" to the current config:\n");
        s.diff().forEach(line -> out.append(line).append('\n'));
        return out.toString();
    }
}
