package dev.switchboard.config;

import java.util.ArrayList;
import java.util.List;

/** A line diff (longest common subsequence) of two config texts: the console's "what will change" before an apply, a fleet's diff of revisions. */
public final class LineDiff {

    /** Lines around each change that are shown for context. */
    static final int CONTEXT = 2;

    private LineDiff() {
    }

    /** Changed lines as "- old" / "+ new", with a little context as "  same" and "…" between distant hunks. */
    public static List<String> diff(String before, String after) {
        String[] a = before.split("\n", -1);
        String[] b = after.split("\n", -1);
        int[][] lcs = new int[a.length + 1][b.length + 1];
        for (int i = a.length - 1; i >= 0; i--) {
            for (int j = b.length - 1; j >= 0; j--) {
                lcs[i][j] = a[i].equals(b[j]) ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
            }
        }
        List<String> full = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < a.length || j < b.length) {
            if (i < a.length && j < b.length && a[i].equals(b[j])) {
                full.add("  " + a[i++]);
                j++;
            } else if (i < a.length && (j == b.length || lcs[i + 1][j] >= lcs[i][j + 1])) {
                full.add("- " + a[i++]);
            } else {
                full.add("+ " + b[j++]);
            }
        }
        return withContext(full);
    }

    private static List<String> withContext(List<String> full) {
        boolean[] keep = new boolean[full.size()];
        for (int k = 0; k < full.size(); k++) {
            if (!full.get(k).startsWith("  ")) {
                for (int c = Math.max(0, k - CONTEXT); c <= Math.min(full.size() - 1, k + CONTEXT); c++) {
                    keep[c] = true;
                }
            }
        }
        List<String> shown = new ArrayList<>();
        for (int k = 0; k < full.size(); k++) {
            if (keep[k]) {
                if (k > 0 && !keep[k - 1] && !shown.isEmpty()) {
                    shown.add("\u2026");
                }
                shown.add(full.get(k));
            }
        }
        return shown;
    }
}
