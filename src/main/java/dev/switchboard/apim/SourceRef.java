package dev.switchboard.apim;

/**
 * Where something came from: a file, the JSON path inside it for ARM resources (null for an APIOps file), and a
 * 1-based line and column (inside the policy XML for policies; 0 when not known).
 */
public record SourceRef(String file, String jsonPath, int line, int column) {

    public static SourceRef file(String file) {
        return new SourceRef(file, null, 0, 0);
    }

    public static SourceRef json(String file, String jsonPath) {
        return new SourceRef(file, jsonPath, 0, 0);
    }

    public SourceRef at(int newLine, int newColumn) {
        return new SourceRef(file, jsonPath, newLine, newColumn);
    }

    /** {@code FILE:LINE:COL}, with {@code #jsonPath} after the file for XML embedded in ARM JSON. */
    @Override
    public String toString() {
        String where = jsonPath == null ? file : file + "#" + jsonPath;
        return line > 0 ? where + ":" + line + ":" + column : where;
    }
}
