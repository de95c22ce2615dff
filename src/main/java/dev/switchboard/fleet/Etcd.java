package dev.switchboard.fleet;

import io.etcd.jetcd.ByteSequence;
import io.etcd.jetcd.Client;
import io.etcd.jetcd.options.GetOption;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Connecting to a fleet's etcd and the small conversions every fleet class needs. */
public final class Etcd {

    /** How long one request may take before the fleet counts etcd as unreachable. */
    public static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(3);
    /** The first call also loads gRPC and connects; on a busy machine that alone can take seconds. */
    public static final Duration FIRST_CALL_TIMEOUT = Duration.ofSeconds(15);

    private Etcd() {
    }

    /**
     * A client that fails fast while etcd is away (no waiting for the channel to become ready), so a gateway notices a
     * lost etcd within one request timeout instead of queueing behind it.
     */
    public static Client connect(FleetAddress address) {
        return Client.builder().endpoints(address.clientUris()).waitForReady(false)
                .connectTimeout(Duration.ofSeconds(2)).retryMaxAttempts(2).retryDelay(100).retryMaxDelay(500)
                .retryChronoUnit(java.time.temporal.ChronoUnit.MILLIS).retryMaxDuration(REQUEST_TIMEOUT)
                .keepaliveTime(Duration.ofSeconds(5)).keepaliveTimeout(Duration.ofSeconds(2)).build();
    }

    /**
     * {@link #connect} and a first read, with {@link #FIRST_CALL_TIMEOUT}, so the calls that follow find a connection.
     *
     * @throws EtcdUnavailableException when etcd does not answer; the client is closed then
     */
    public static Client connectChecked(FleetAddress address) {
        Client client = connect(address);
        try {
            await(client.getKVClient().get(bytes(new FleetKeys(address.fleet()).config()), GetOption.builder().withCountOnly(true).build()),
                    "connecting to " + address, FIRST_CALL_TIMEOUT);
            return client;
        } catch (EtcdUnavailableException e) {
            client.close();
            throw e;
        }
    }

    public static ByteSequence bytes(String text) {
        return ByteSequence.from(text, StandardCharsets.UTF_8);
    }

    public static String text(ByteSequence bytes) {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Waits for an etcd call; a failure or timeout becomes an {@link EtcdUnavailableException} naming what was tried. */
    public static <T> T await(CompletableFuture<T> call, String what) {
        return await(call, what, REQUEST_TIMEOUT);
    }

    /** {@link #await(CompletableFuture, String)} with another timeout, such as the first call of a starting process. */
    public static <T> T await(CompletableFuture<T> call, String what, Duration timeout) {
        try {
            return call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            call.cancel(true);
            throw new EtcdUnavailableException(what + ": interrupted", e);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new EtcdUnavailableException(what + ": no answer within " + timeout.toMillis() + " ms", e);
        } catch (ExecutionException e) {
            throw new EtcdUnavailableException(what + ": " + e.getCause().getMessage(), e.getCause());
        }
    }
}
