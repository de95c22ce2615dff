package dev.switchboard.telemetry.client;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/** Settings of a {@link TelemetryClient}. */
public final class TelemetryClientBuilder {
    final URI uri;
    final String token;
    TelemetryListener listener = new TelemetryListener() {
    };
    Duration staleAfter = Duration.ofSeconds(3);
    Duration commandTimeout = Duration.ofSeconds(10);
    Duration minBackoff = Duration.ofMillis(250);
    Duration maxBackoff = Duration.ofSeconds(30);
    SSLContext ssl;

    TelemetryClientBuilder(URI uri, String token) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.token = Objects.requireNonNull(token, "token");
    }

    public TelemetryClientBuilder listener(TelemetryListener l) {
        this.listener = Objects.requireNonNull(l, "listener");
        return this;
    }

    /** STALE after this long without a message (default 3 s; stats normally arrive every 250 ms). */
    public TelemetryClientBuilder staleAfter(Duration d) {
        this.staleAfter = d;
        return this;
    }

    /** How long a command waits for its reply (default 10 s). */
    public TelemetryClientBuilder commandTimeout(Duration d) {
        this.commandTimeout = d;
        return this;
    }

    /** Reconnect delays: from {@code min} doubling up to {@code max}, with jitter (default 250 ms to 30 s). */
    public TelemetryClientBuilder backoff(Duration min, Duration max) {
        this.minBackoff = min;
        this.maxBackoff = max;
        return this;
    }

    /** For {@code wss://} to a gateway whose certificate the default trust store does not know. */
    public TelemetryClientBuilder sslContext(SSLContext context) {
        this.ssl = context;
        return this;
    }

    public TelemetryClient build() {
        return new TelemetryClient(this);
    }
}
