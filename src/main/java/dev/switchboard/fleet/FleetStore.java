package dev.switchboard.fleet;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigResult;
import dev.switchboard.config.LineDiff;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.KV;
import io.etcd.jetcd.KeyValue;
import io.etcd.jetcd.kv.GetResponse;
import io.etcd.jetcd.kv.TxnResponse;
import io.etcd.jetcd.op.Cmp;
import io.etcd.jetcd.op.CmpTarget;
import io.etcd.jetcd.op.Op;
import io.etcd.jetcd.options.GetOption;
import io.etcd.jetcd.options.PutOption;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The fleet's config and its history in etcd: what operators push, roll back and read. Every change is one
 * transaction guarded by the config key's revision, writing the config and its audit record together.
 */
public final class FleetStore {

    private final KV kv;
    private final FleetKeys keys;
    private final Clock clock;

    public FleetStore(Client client, FleetKeys keys, Clock clock) {
        this.kv = client.getKVClient();
        this.keys = keys;
        this.clock = clock;
    }

    /** The fleet's config now, or null before the first push. */
    public StoredConfig current() {
        GetResponse got = Etcd.await(kv.get(Etcd.bytes(keys.config())), "reading the fleet's config");
        return got.getKvs().isEmpty() ? null : stored(got.getKvs().getFirst());
    }

    static StoredConfig stored(KeyValue kv) {
        String json = Etcd.text(kv.getValue());
        return new StoredConfig(json, kv.getModRevision(), kv.getVersion(), ConfigTexts.hash(json));
    }

    /**
     * Validates {@code json} and writes it.
     *
     * @param expectRevision the revision the operator's config is based on; null for "whatever is current now"
     */
    public PushResult push(String json, Long expectRevision, String operator) {
        if (ConfigLoader.parse(json) instanceof ConfigResult.Invalid(var problems)) {
            return new PushResult.Invalid(problems);
        }
        return write(json, expectRevision, operator, "push");
    }

    /** Writes the content of {@code revision} again, as a new revision. */
    public PushResult rollback(long revision, String operator, Long expectRevision) {
        HistoryEntry old = entry(revision);
        return write(old.config(), expectRevision, operator, "rollback to " + revision);
    }

    /**
     * Writes {@code json} as it is, unvalidated (gateways validate again and refuse what fails), with its audit record,
     * in one transaction that fails when the config moved past {@code expectRevision}.
     */
    public PushResult write(String json, Long expectRevision, String operator, String action) {
        StoredConfig now = current();
        long nowRevision = now == null ? 0 : now.revision();
        long expected = expectRevision == null ? nowRevision : expectRevision;
        if (expected != nowRevision) {
            return stale(expected, now);
        }
        long version = (now == null ? 0 : now.version()) + 1;
        String hash = ConfigTexts.hash(json);
        HistoryEntry record = new HistoryEntry(version, 0, clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(), operator, action, hash, expected, json);
        TxnResponse txn = Etcd.await(kv.txn()
                .If(new Cmp(Etcd.bytes(keys.config()), Cmp.Op.EQUAL, CmpTarget.modRevision(expected)))
                .Then(Op.put(Etcd.bytes(keys.config()), Etcd.bytes(json), PutOption.DEFAULT),
                        Op.put(Etcd.bytes(keys.history(version)), Etcd.bytes(FleetJson.write(record)), PutOption.DEFAULT))
                .commit(), "writing the fleet's config");
        if (!txn.isSucceeded()) {
            return stale(expected, current());
        }
        return new PushResult.Written(txn.getHeader().getRevision(), version, hash);
    }

    private PushResult stale(long expected, StoredConfig now) {
        List<HistoryEntry> since = history().stream().filter(e -> e.revision() > expected).toList();
        String before = history().stream().filter(e -> e.revision() == expected).map(HistoryEntry::config).findFirst().orElse("");
        return new PushResult.Stale(expected, now, since, LineDiff.diff(before, now == null ? "" : now.json()));
    }

    /** Every push and rollback, oldest first, each with its revision. */
    public List<HistoryEntry> history() {
        GetResponse got = Etcd.await(kv.get(Etcd.bytes(keys.historyPrefix()), GetOption.builder().isPrefix(true).build()),
                "reading the fleet's history");
        return got.getKvs().stream().map(kv -> FleetJson.read(Etcd.text(kv.getValue()), HistoryEntry.class, Etcd.text(kv.getKey()))
                .atRevision(kv.getModRevision())).toList();
    }

    /**
     * The change made at {@code revision}.
     *
     * @throws IllegalArgumentException when no push or rollback has that revision, listing those that do
     */
    public HistoryEntry entry(long revision) {
        List<HistoryEntry> all = history();
        return all.stream().filter(e -> e.revision() == revision).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no config revision " + revision + " in the fleet's history; revisions: "
                        + all.stream().map(e -> Long.toString(e.revision())).toList()));
    }

    /** Lines of the config at {@code from} against {@code to} (the current config when null). */
    public List<String> diff(long from, Long to) {
        String after = to == null ? current().json() : entry(to).config();
        return LineDiff.diff(entry(from).config(), after);
    }
}
