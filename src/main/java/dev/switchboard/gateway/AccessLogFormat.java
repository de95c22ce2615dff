package dev.switchboard.gateway;

import dev.switchboard.config.AccessLogConfig;
import dev.switchboard.engine.PickExplanation;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How an access-log line looks: JSON lines, or a HAProxy-like text line. Runs on the log's writer thread. */
interface AccessLogFormat {

    void append(ExchangeRecord record, LineBuffer line);

    static AccessLogFormat of(AccessLogConfig.Format format) {
        return format == AccessLogConfig.Format.JSON ? RecordJson::logLine : new Text();
    }

    /**
     * {@code client [time] api target/backend upstream/total status bytes "METHOD path" attempts}, where each attempt
     * is {@code backend=outcome(why)} followed by {@code skipped=backend:availability,...} when members were passed
     * by, and {@code >} separates attempts. A dash stands for a missing field. Its fields may hold any text, so the
     * line is built as chars and then UTF-8 encoded.
     */
    final class Text implements AccessLogFormat {

        /** The time up to its milliseconds, which follow. */
        private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss", Locale.ROOT)
                .withZone(ZoneOffset.UTC);
        private static final SecondText SECONDS = new SecondText(second -> SECOND.format(Instant.ofEpochSecond(second)));

        private final StringBuilder chars = new StringBuilder(256);

        @Override
        public void append(ExchangeRecord r, LineBuffer line) {
            chars.setLength(0);
            append(r, chars);
            line.utf8(chars);
        }

        private static void append(ExchangeRecord r, StringBuilder line) {
            int millis = r.time.getNano() / 1_000_000;
            line.append(r.client).append(" [").append(SECONDS.of(r.time.getEpochSecond())).append(millis < 100 ? ".0" : ".")
                    .append(millis < 10 ? "0" : "").append(millis).append("] ").append(dash(r.api)).append(' ')
                    .append(dash(r.target)).append('/').append(r.attempts.isEmpty() ? "-" : dash(r.attempts.getLast().pick().chosen()))
                    .append(' ');
            JsonLine.appendHundredths(line, RecordJson.hundredthsOfMillis(r.upstreamNanos)).append('/');
            JsonLine.appendHundredths(line, RecordJson.hundredthsOfMillis(r.totalNanos))
                    .append(' ').append(r.aborted ? "-" : "").append(r.status).append(' ').append(r.bytes)
                    .append(" \"").append(r.method).append(' ').append(r.path).append("\" ");
            if (r.attempts.isEmpty()) {
                line.append('-');
            }
            for (int i = 0; i < r.attempts.size(); i++) {
                ExchangeRecord.Attempt a = r.attempts.get(i);
                if (i > 0) {
                    line.append(" > ");
                }
                line.append(dash(a.pick().chosen())).append('=').append(dash(a.outcome)).append('(').append(a.pick().why()).append(')');
                String sep = " skipped=";
                for (PickExplanation.Candidate c : a.pick().candidates()) {
                    if (c.skipped()) {
                        line.append(sep).append(c.backendId()).append(':').append(RecordJson.token(c.availability().name()));
                        sep = ",";
                    }
                }
            }
        }

        private static String dash(String value) {
            return value == null ? "-" : value;
        }
    }
}
