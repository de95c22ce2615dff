package dev.switchboard.dns.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers each datagram inline on the event loop: nothing is queued, so a flood costs at most the kernel's socket
 * buffer, and answers that cannot be sent because the socket is full are dropped (the client retries, as with loss).
 * Responses are flushed once per read batch.
 */
@Sharable
final class UdpQueryHandler extends SimpleChannelInboundHandler<DatagramPacket> {

    private static final Logger LOG = LoggerFactory.getLogger(UdpQueryHandler.class);

    private final QueryAnswerer answerer;

    UdpQueryHandler(QueryAnswerer answerer) {
        this.answerer = answerer;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket packet) {
        byte[] response = answerer.answer(packet.content().nioBuffer(), packet.sender().getAddress(), false);
        if (response != null && ctx.channel().isWritable()) {
            ctx.write(new DatagramPacket(Unpooled.wrappedBuffer(response), packet.sender()), ctx.voidPromise());
        }
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        ctx.flush();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // One bad datagram (or an ICMP error surfacing as a send failure) must not stop the socket.
        LOG.debug("dns udp: {}", cause.toString());
    }
}
