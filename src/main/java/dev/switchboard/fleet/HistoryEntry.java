package dev.switchboard.fleet;

/**
 * One change of the fleet's config: the audit record of a push or rollback, with the content it wrote.
 *
 * @param version  the config key's version after the change (1 for the first push)
 * @param revision the etcd revision of the change (the record's own mod revision; 0 inside etcd)
 * @param time     ISO-8601 instant
 * @param operator who made it ({@code --operator}, default $USER)
 * @param action   {@code push} or {@code rollback to REV}
 * @param hash     the config's version hash (12 hex digits), or of the raw text when it does not validate
 * @param basedOn  the revision the change was guarded by
 * @param config   the config JSON as written
 */
public record HistoryEntry(long version, long revision, String time, String operator, String action, String hash, long basedOn,
                           String config) {

    HistoryEntry atRevision(long modRevision) {
        return new HistoryEntry(version, modRevision, time, operator, action, hash, basedOn, config);
    }
}
