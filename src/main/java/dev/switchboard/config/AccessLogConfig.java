package dev.switchboard.config;

/**
 * The gateway's access log: one line per client request, written off the event loop.
 *
 * @param path   file to append to, or {@code -} for standard output
 * @param format line format
 * @param queue  lines waiting to be written; beyond it lines are dropped (and counted), never the request delayed
 */
public record AccessLogConfig(String path, Format format, int queue) {

    public static final int DEFAULT_QUEUE = 8192;
    public static final String STDOUT = "-";

    public enum Format {
        /** One JSON object per line. */
        JSON,
        /** A HAProxy-like line of space-separated fields. */
        TEXT;

        /** The spelling in config files. */
        public String jsonName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * The log {@code --access-log PATH} asks for: {@code configured}'s format and queue (JSON lines and the default
     * queue without one) written to {@code path}.
     */
    public static AccessLogConfig at(String path, AccessLogConfig configured) {
        return configured == null ? new AccessLogConfig(path, Format.JSON, DEFAULT_QUEUE)
                : new AccessLogConfig(path, configured.format(), configured.queue());
    }
}
