package dev.switchboard.netty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.uring.IoUring;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class TransportsTest {

    @Test
    void groupAndChannelClassesWorkTogether() {
        EventLoopGroup group = Transports.eventLoopGroup(1, "transports-test");
        try {
            Channel server = new ServerBootstrap().group(group).channel(Transports.serverChannelClass())
                    .childHandler(new ChannelInboundHandlerAdapter())
                    .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
            Channel client = new Bootstrap().group(group).channel(Transports.channelClass())
                    .handler(new ChannelInboundHandlerAdapter())
                    .connect(server.localAddress()).syncUninterruptibly().channel();

            assertThat(client.isActive()).isTrue();
            assertThat(client.getClass()).isEqualTo(Transports.selected().channelClass());
            client.close().syncUninterruptibly();
            server.close().syncUninterruptibly();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    @Test
    void theBestAvailableTransportIsChosenUnlessOneIsNamed() {
        Transport best = IoUring.isAvailable() ? Transport.IO_URING : Epoll.isAvailable() ? Transport.EPOLL : Transport.NIO;

        assertThat(Transports.select(null)).isEqualTo(best);
        assertThat(Transports.select(" ")).isEqualTo(best);
        assertThat(Transports.select("nio")).isEqualTo(Transport.NIO);
        assertThat(Transports.select(" nio ")).isEqualTo(Transport.NIO);
    }

    @Test
    void anUnknownTransportIsAnErrorListingTheKnownOnes() {
        assertThatThrownBy(() -> Transports.select("kqueue"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown transport 'kqueue': expected io_uring, epoll or nio");
    }

    @Test
    void aPortInUseIsABindExceptionNamingTheAddress() {
        EventLoopGroup group = Transports.eventLoopGroup(1, "transports-test");
        try {
            ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(Transports.serverChannelClass())
                    .childHandler(new ChannelInboundHandlerAdapter());
            Channel first = Transports.bind(bootstrap, new InetSocketAddress("127.0.0.1", 0));
            InetSocketAddress taken = (InetSocketAddress) first.localAddress();

            assertThatThrownBy(() -> Transports.bind(bootstrap, taken))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasCauseInstanceOf(BindException.class)
                    .hasMessageContaining("cannot listen on " + taken);
            first.close().syncUninterruptibly();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }
}
