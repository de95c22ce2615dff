package dev.switchboard.dns.server;

import dev.switchboard.dns.TrafficProfiles;
import dev.switchboard.netty.Transports;
import io.netty.bootstrap.Bootstrap;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.unix.UnixChannelOption;
import io.netty.handler.codec.LengthFieldBasedFrameDecoder;
import io.netty.handler.codec.LengthFieldPrepender;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.Inet6Address;
import java.net.InetSocketAddress;
import java.net.StandardProtocolFamily;
import java.nio.channels.DatagramChannel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The authoritative DNS responder for a gateway's traffic profiles, on UDP and TCP at one address. With the native
 * transport each event loop gets its own UDP socket on the port (SO_REUSEPORT), so the kernel spreads queries over
 * the cores.
 */
public final class DnsResponder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DnsResponder.class);
    /** TCP connections beyond this are closed as soon as they open. */
    static final int MAX_TCP_CONNECTIONS = 256;
    /** A TCP connection without a complete query for this long (however many bytes it sent) is closed. */
    static final Duration TCP_QUERY_WINDOW = Duration.ofSeconds(10);
    /** Ports tried when any free one will do (port 0) and the TCP port beside the UDP one is taken. */
    private static final int FREE_PORT_ATTEMPTS = 5;

    private final EventLoopGroup group;
    private final List<Channel> udp;
    private final Channel tcp;

    private DnsResponder(EventLoopGroup group, List<Channel> udp, Channel tcp) {
        this.group = group;
        this.udp = udp;
        this.tcp = tcp;
    }

    /**
     * Binds UDP, then TCP on the same port (the port UDP got when 0 was asked for).
     *
     * @param threads event loops (and, with a native transport, UDP sockets)
     */
    public static DnsResponder start(InetSocketAddress listen, TrafficProfiles profiles, int threads) {
        QueryAnswerer answerer = new QueryAnswerer(profiles);
        EventLoopGroup group = Transports.eventLoopGroup(threads, "dns");
        try {
            for (int attempt = 1; ; attempt++) {
                List<Channel> udpChannels = bindUdp(group, answerer, listen, threads);
                InetSocketAddress bound = (InetSocketAddress) udpChannels.getFirst().localAddress();
                try {
                    Channel tcp = bindTcp(group, answerer, bound);
                    LOG.info("dns responder on {} (udp x{} and tcp, zone {})", format(bound), udpChannels.size(),
                            profiles.zone() == null ? "none: every query is refused" : profiles.zone());
                    return new DnsResponder(group, List.copyOf(udpChannels), tcp);
                } catch (UncheckedIOException e) {
                    udpChannels.forEach(c -> c.close().syncUninterruptibly());
                    // A port the system found free for UDP may be held by a TCP socket (a client's ephemeral port
                    // too): when any port will do, take another.
                    if (listen.getPort() != 0 || attempt == FREE_PORT_ATTEMPTS) {
                        throw e;
                    }
                }
            }
        } catch (RuntimeException e) {
            group.shutdownGracefully(0, 0, TimeUnit.MILLISECONDS);
            throw e;
        }
    }

    private static List<Channel> bindUdp(EventLoopGroup group, QueryAnswerer answerer, InetSocketAddress listen, int threads) {
        UdpQueryHandler udpHandler = new UdpQueryHandler(answerer);
        Bootstrap udp = new Bootstrap().group(group).channel(Transports.datagramChannelClass()).handler(udpHandler);
        int sockets = Transports.isNative() ? threads : 1;
        InetSocketAddress address = listen;
        if (sockets > 1) {
            address = unsharedPort(listen);
            udp.option(UnixChannelOption.SO_REUSEPORT, true);
        }
        List<Channel> udpChannels = new ArrayList<>();
        Channel first = Transports.bind(udp, address);
        udpChannels.add(first);
        InetSocketAddress bound = (InetSocketAddress) first.localAddress();
        for (int i = 1; i < sockets; i++) {
            udpChannels.add(Transports.bind(udp, bound));
        }
        return udpChannels;
    }

    /**
     * {@code listen} with its port, once a socket without SO_REUSEPORT has bound it: proof that no socket holds it.
     * Linux lets one user's SO_REUSEPORT sockets share a port, even hands such a port out for port 0, and spreads
     * datagrams over all of them; a stranger's socket, or one of ours still closing, would take a share of the
     * queries and never answer them.
     */
    private static InetSocketAddress unsharedPort(InetSocketAddress listen) {
        try (DatagramChannel probe = DatagramChannel.open(
                listen.getAddress() instanceof Inet6Address ? StandardProtocolFamily.INET6 : StandardProtocolFamily.INET)) {
            probe.bind(listen);
            return new InetSocketAddress(listen.getAddress(), ((InetSocketAddress) probe.getLocalAddress()).getPort());
        } catch (IOException e) {
            throw Transports.cannotListen(listen, e);
        }
    }

    private static Channel bindTcp(EventLoopGroup group, QueryAnswerer answerer, InetSocketAddress bound) {
        AtomicInteger connections = new AtomicInteger();
        return Transports.bind(new ServerBootstrap()
                .group(group)
                .channel(Transports.serverChannelClass())
                .option(ChannelOption.SO_REUSEADDR, true)
                .childOption(ChannelOption.TCP_NODELAY, true)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        if (connections.incrementAndGet() > MAX_TCP_CONNECTIONS) {
                            connections.decrementAndGet();
                            ch.close();
                            return;
                        }
                        ch.closeFuture().addListener(f -> connections.decrementAndGet());
                        initTcp(ch, answerer);
                    }
                }), bound);
    }

    /** One TCP connection's handlers. It reads only when {@link TcpQueryHandler} asks: once every query it holds is answered. */
    static void initTcp(Channel ch, QueryAnswerer answerer) {
        ch.config().setAutoRead(false);
        ch.pipeline().addLast(
                new LengthFieldBasedFrameDecoder(QueryAnswerer.TCP_PAYLOAD, 0, 2, 0, 2),
                new TcpQueryDeadline(TCP_QUERY_WINDOW),
                new LengthFieldPrepender(2),
                new TcpQueryHandler(answerer));
    }

    /** The bound address, UDP and TCP alike. */
    public InetSocketAddress address() {
        return (InetSocketAddress) udp.getFirst().localAddress();
    }

    public int port() {
        return address().getPort();
    }

    @Override
    public void close() {
        udp.forEach(c -> c.close().syncUninterruptibly());
        tcp.close().syncUninterruptibly();
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        LOG.info("dns responder stopped");
    }

    private static String format(InetSocketAddress address) {
        return address.getAddress().getHostAddress() + ":" + address.getPort();
    }
}
