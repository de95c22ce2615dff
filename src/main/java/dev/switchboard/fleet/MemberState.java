package dev.switchboard.fleet;

import java.time.Clock;
import java.util.List;

/** What a fleet gateway reports about itself: the fleet config it serves and the last one it refused. Thread-safe. */
final class MemberState {

    private final MemberIdentity identity;
    private final Clock clock;
    private long version;
    private String hash;
    private long revision;
    private Refusal refusal;
    /** The newest config revision this gateway has seen (applied, unchanged or refused): where a watch resumes. */
    private long seenRevision;

    MemberState(MemberIdentity identity, Clock clock, StoredConfig initial) {
        this.identity = identity;
        this.clock = clock;
        applied(initial);
    }

    synchronized void applied(StoredConfig config) {
        version = config.version();
        hash = config.hash();
        revision = config.revision();
        seen(config.revision());
    }

    synchronized void refused(StoredConfig config, List<String> problems) {
        refusal = new Refusal(config.revision(), config.hash(), clock.instant().toString(), problems);
        seen(config.revision());
    }

    synchronized void seen(long newRevision) {
        seenRevision = Math.max(seenRevision, newRevision);
    }

    synchronized long seenRevision() {
        return seenRevision;
    }

    synchronized long revision() {
        return revision;
    }

    synchronized Registration registration() {
        return new Registration(identity.id(), identity.region(), identity.adminUrl(), identity.startedAt().toString(), version, hash,
                revision, refusal);
    }
}
