package dev.switchboard.dns.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.switchboard.dns.TestProfiles;
import dev.switchboard.dns.TrafficProfiles;
import dev.switchboard.engine.Ticker;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * The TCP pipeline over a real socket on each transport the responder may run on (io_uring where the kernel allows
 * it, epoll where it does not, as in a container whose seccomp profile blocks io_uring, NIO elsewhere). A client
 * that sends its next query only after reading the last answer, as resolvers reusing a connection do, must get every
 * answer: with Netty's FlowControlHandler in the pipeline the second one never came on epoll (netty#17050).
 */
class TcpQueriesPerTransportTest {

    static Stream<Arguments> transports() {
        return Stream.of(
                Arguments.of("io_uring", (Supplier<Boolean>) IoUring::isAvailable,
                        (Supplier<IoHandlerFactory>) IoUringIoHandler::newFactory, IoUringServerSocketChannel.class),
                Arguments.of("epoll", (Supplier<Boolean>) Epoll::isAvailable,
                        (Supplier<IoHandlerFactory>) EpollIoHandler::newFactory, EpollServerSocketChannel.class),
                Arguments.of("nio", (Supplier<Boolean>) () -> true,
                        (Supplier<IoHandlerFactory>) NioIoHandler::newFactory, NioServerSocketChannel.class));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("transports")
    void queriesSentOneAfterTheOtherOnOneConnectionAreAllAnswered(String transport, Supplier<Boolean> available,
            Supplier<IoHandlerFactory> handlers, Class<? extends ServerChannel> serverChannel) throws IOException {
        assumeTrue(available.get(), transport + " is not available here");
        TrafficProfiles profiles = new TrafficProfiles(Ticker.system(), new Random(1));
        profiles.apply(TestProfiles.config("""
                { "name": "api.example.test", "endpoints": [ { "name": "east", "target": "192.0.2.1" } ] }"""));
        QueryAnswerer answerer = new QueryAnswerer(profiles);
        EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, handlers.get());
        try {
            Channel server = new ServerBootstrap().group(group).channel(serverChannel)
                    .childHandler(new ChannelInitializer<SocketChannel>() {
                        @Override
                        protected void initChannel(SocketChannel ch) {
                            DnsResponder.initTcp(ch, answerer);
                        }
                    })
                    .bind(new InetSocketAddress("127.0.0.1", 0)).syncUninterruptibly().channel();
            try (Socket client = new Socket()) {
                client.connect(server.localAddress(), 3000);
                client.setSoTimeout(3000);
                DataOutputStream out = new DataOutputStream(client.getOutputStream());
                DataInputStream in = new DataInputStream(client.getInputStream());
                for (int id = 1; id <= 5; id++) {
                    Message query = Message.newQuery(Record.newRecord(Name.fromString("api.example.test."), Type.A, DClass.IN));
                    query.getHeader().setID(id);
                    byte[] wire = query.toWire();
                    out.writeShort(wire.length);
                    out.write(wire);
                    byte[] answer = new byte[in.readUnsignedShort()];
                    in.readFully(answer);
                    assertThat(new Message(answer).getHeader().getID()).as("answer to query " + id).isEqualTo(id);
                }
            }
            server.close().syncUninterruptibly();
        } finally {
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        }
    }
}
