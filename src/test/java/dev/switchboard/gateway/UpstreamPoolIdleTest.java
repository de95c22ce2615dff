package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.netty.Transports;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.resolver.DefaultAddressResolverGroup;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Idle backend connections close after {@link UpstreamPool#IDLE_TIMEOUT}, counted in the pool's sweeps (driven
 * here one by one, as its timer would every {@link UpstreamPool#SWEEP_PERIOD}), over real connections.
 */
class UpstreamPoolIdleTest {

    private final EventLoopGroup group = Transports.eventLoopGroup(1, "pool-idle-test");
    private final EventLoop loop = group.next();
    private final List<Socket> accepted = new ArrayList<>();
    private ServerSocket backend;

    @AfterEach
    void close() throws IOException {
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        for (Socket socket : accepted) {
            socket.close();
        }
        backend.close();
    }

    @Test
    void aConnectionIdleForTheTimeoutClosesAndOneUsedSinceStays() throws Exception {
        backend = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        UpstreamPool pool = onLoop(() -> new UpstreamPool(loop, new UpstreamTls(), DefaultAddressResolverGroup.INSTANCE, 65536));
        UpstreamKey key = new UpstreamKey("127.0.0.1", backend.getLocalPort(), null);
        UpstreamPool.Lease older = connect(pool, key);
        UpstreamPool.Lease newer = connect(pool, key);
        long sweepsToClose = UpstreamPool.IDLE_TIMEOUT.dividedBy(UpstreamPool.SWEEP_PERIOD) + 1;

        run(() -> pool.release(older));
        sweep(pool, 1);
        run(() -> pool.release(newer));
        // The older connection is now one sweep short of the timeout, the newer two.
        sweep(pool, sweepsToClose - 2);
        assertThat(older.channel().isActive()).as("idle less than the timeout").isTrue();

        sweep(pool, 1);
        assertThat(older.channel().closeFuture().await(5, TimeUnit.SECONDS)).as("idle for the timeout").isTrue();
        assertThat(newer.channel().isActive()).isTrue();
        assertThat(onLoop(() -> pool.pollIdle(key).channel())).isSameAs(newer.channel());
        assertThat(onLoop(() -> pool.pollIdle(key))).isNull();
    }

    private UpstreamPool.Lease connect(UpstreamPool pool, UpstreamKey key) throws Exception {
        UpstreamPool.Lease lease = onLoop(() -> pool.connect(key, Duration.ofSeconds(5))).get(5, TimeUnit.SECONDS);
        accepted.add(backend.accept());
        return lease;
    }

    private void sweep(UpstreamPool pool, long times) throws Exception {
        for (long i = 0; i < times; i++) {
            run(pool::sweepIdle);
        }
    }

    private void run(Runnable task) throws Exception {
        loop.submit(task).get(5, TimeUnit.SECONDS);
    }

    private <T> T onLoop(Callable<T> task) throws Exception {
        return loop.submit(task).get(5, TimeUnit.SECONDS);
    }
}
