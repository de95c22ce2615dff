package dev.switchboard.gateway;

import dev.switchboard.config.ConfigLoader;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.Attempts;
import dev.switchboard.engine.Engine;
import dev.switchboard.engine.PinnedState;
import dev.switchboard.engine.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Finished exchange records as the gateway makes them, in every shape a line can take: retries, skipped members,
 * none available, refused before routing, aborted, times with and without a fraction, huge figures, and strings
 * with quotes, controls, non-ASCII and broken surrogates. Deterministic, so their lines can be compared byte for byte.
 */
final class SampleExchanges {

    private static final long EPOCH_SECOND = 1_796_000_000L;
    private static final String TRICKY = "q\"uote \\ back\nline\ttab\u0001 caf\u00e9 \u20ac del\u007f \ud83d\ude00 lone\ud800 end\u0000";

    private final Engine engine = new Engine(ConfigLoader.parse("""
            { "backends": {
                "a": { "url": "http://127.0.0.1:9" }, "b": { "url": "http://127.0.0.1:9" },
                "c": { "url": "http://127.0.0.1:9" }, "d": { "url": "http://127.0.0.1:9" },
                "pool": { "type": "Pool", "pool": { "services": [ { "id": "a", "priority": 1 }, { "id": "c", "priority": 1 },
                                                                  { "id": "d", "priority": 1 }, { "id": "b", "priority": 2 } ] } },
                "down": { "type": "Pool", "pool": { "services": [ { "id": "c" } ] } },
                "pair": { "type": "Pool", "pool": { "services": [ { "id": "a" }, { "id": "b" } ] } } },
              "apis": [ { "name": "orders", "path": "/orders", "backendId": "pool" } ] }
            """).orThrow(), Ticker.system(), new SplittableRandom(15));

    SampleExchanges() {
        engine.setAdminState("c", AdminState.MAINTENANCE);
        engine.setAdminState("d", AdminState.DRAIN);
    }

    /** One of every shape, in a fixed order. */
    static List<ExchangeRecord> all() {
        return new SampleExchanges().records();
    }

    /**
     * What the wrk benchmarks' requests log: {@code GET /} balanced over two backends, answered 200, no retry policy;
     * a new record each call, as each request makes one.
     */
    ExchangeRecord proxied() {
        ExchangeRecord r = routed(Instant.now(), "127.0.0.1", "GET", "/", null, "pair");
        r.api = "bench";
        attempt(r, "pair", "200", 612_345, "no retry policy");
        return done(r, 200, 10, 701_234);
    }

    private List<ExchangeRecord> records() {
        List<ExchangeRecord> records = new ArrayList<>();
        ExchangeRecord plain = routed(at(123_456_789), "127.0.0.1", "GET", "/orders/42", null, "pool");
        attempt(plain, "pool", "200", 1_234_567, "no retry policy");
        records.add(done(plain, 200, 10, 1_300_000));

        ExchangeRecord retried = routed(at(120_000_000), "10.1.2.3", "POST", "/orders", "by-method", "pool");
        Attempts tries = new Attempts(true);
        attempt(retried, "pool", tries, "503", 50_000, Duration.ZERO, "status 503 is in the retry ranges");
        attempt(retried, "pool", tries, "200", 99_999_999, null, "success");
        records.add(done(retried, 200, 123_456, 4_000_000_000L));

        ExchangeRecord none = routed(at(1_000), "::1", "DELETE", "/orders/none", null, "down");
        attempt(none, "down", "none-available", 0, "nothing to retry on");
        records.add(done(none, 503, 97, 5_000));

        records.add(done(new ExchangeRecord(at(0), 0, "192.168.0.1", "-", "-"), 400, 0, 999));

        ExchangeRecord aborted = routed(at(1_000_000), "127.0.0.1", "PUT", "/orders/" + "x".repeat(300), null, "pool");
        attempt(aborted, "pool", null, 0, null);
        aborted.aborted = true;
        records.add(done(aborted, 502, 0, 12_345_678_901_234L));

        ExchangeRecord tricky = routed(at(1), TRICKY, "PATCH", "/orders/" + TRICKY, TRICKY, "pool");
        attempt(tricky, "pool", TRICKY, 5, TRICKY);
        records.add(done(tricky, 599, Long.MAX_VALUE, 15));

        ExchangeRecord unrouted = new ExchangeRecord(at(999_000_000), 0, "127.0.0.1", "GET", "/nowhere");
        records.add(done(unrouted, 404, 31, 0));
        return records;
    }

    private static Instant at(int nanos) {
        return Instant.ofEpochSecond(EPOCH_SECOND, nanos);
    }

    private static ExchangeRecord routed(Instant time, String client, String method, String path, String rule, String target) {
        ExchangeRecord r = new ExchangeRecord(time, 0, client, method, path);
        r.api = "orders";
        r.rule = rule;
        r.target = target;
        return r;
    }

    /** An attempt after which the retry policy said stop because {@code why} (null: it never spoke). */
    private void attempt(ExchangeRecord r, String target, String outcome, long nanos, String why) {
        attempt(r, target, new Attempts(false), outcome, nanos, null, why);
    }

    /** An attempt picked now from {@code target}, ended {@code nanos} after it started with {@code outcome}. */
    private void attempt(ExchangeRecord r, String target, Attempts tries, String outcome, long nanos, Duration delay, String why) {
        PinnedState state = engine.pin();
        ExchangeRecord.Attempt a = r.picked(state, null, tries.preferUntried(), engine.pick(state, target, null, tries), 1_000);
        if (outcome != null) {
            a.ended(outcome, 1_000 + nanos);
        }
        if (why != null) {
            a.retry(delay, why);
        }
    }

    private static ExchangeRecord done(ExchangeRecord r, int status, long bytes, long totalNanos) {
        r.complete(status, bytes, totalNanos);
        return r;
    }
}
