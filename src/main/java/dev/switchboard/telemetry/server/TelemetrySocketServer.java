package dev.switchboard.telemetry.server;

import dev.switchboard.config.AdminConfig.AdminRole;
import dev.switchboard.telemetry.protocol.Command;
import dev.switchboard.telemetry.protocol.Protocol;
import dev.switchboard.telemetry.protocol.Reply;
import dev.switchboard.telemetry.protocol.Reply.ErrorCode;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.drafts.Draft;
import org.java_websocket.drafts.Draft_6455;
import org.java_websocket.exceptions.InvalidDataException;
import org.java_websocket.framing.CloseFrame;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.handshake.ServerHandshakeBuilder;
import org.java_websocket.server.WebSocketServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WebSocket side of the admin listener (Java-WebSocket), bound to a loopback port that only the admin listener's
 * bridge talks to: the bridge authenticates, then passes the connection on with the principal in headers signed by
 * a per-process secret, so a local process connecting here directly is refused.
 */
final class TelemetrySocketServer extends WebSocketServer {

    static final String BRIDGE_HEADER = "X-Switchboard-Bridge";
    static final String NAME_HEADER = "X-Switchboard-Principal";
    static final String ROLE_HEADER = "X-Switchboard-Role";
    static final String LINK_HEADER = "X-Switchboard-Link";
    static final String FORWARDED_FOR_HEADER = "X-Forwarded-For";

    private static final Logger LOG = LoggerFactory.getLogger(TelemetrySocketServer.class);

    private final TelemetryHub hub;
    private final ControlPlane control;
    private final TelemetryLimits limits;
    private final CommandBudgets budgets;
    private final byte[] secret;
    private final ConsoleLinks links;
    private final CountDownLatch started = new CountDownLatch(1);

    TelemetrySocketServer(TelemetryHub hub, ControlPlane control, TelemetryLimits limits, CommandBudgets budgets, String secret,
                          ConsoleLinks links) {
        super(new InetSocketAddress("127.0.0.1", 0), 1, List.<Draft>of(new Draft_6455(List.of(), limits.maxMessageBytes())));
        this.hub = hub;
        this.control = control;
        this.limits = limits;
        this.budgets = budgets;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.links = links;
        setReuseAddr(true);
        setDaemon(true);
        setConnectionLostTimeout(30);
    }

    /** Starts and waits until the port is bound. */
    void startAndWait() throws InterruptedException {
        start();
        if (!started.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("telemetry socket server did not start");
        }
    }

    @Override
    public ServerHandshakeBuilder onWebsocketHandshakeReceivedAsServer(WebSocket conn, Draft draft, ClientHandshake request)
            throws InvalidDataException {
        byte[] presented = request.getFieldValue(BRIDGE_HEADER).getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(presented, secret)) {
            throw new InvalidDataException(CloseFrame.POLICY_VALIDATION, "connect through the admin listener");
        }
        return super.onWebsocketHandshakeReceivedAsServer(conn, draft, request);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {
        Principal principal = new Principal(decodeName(handshake.getFieldValue(NAME_HEADER)), AdminRole.valueOf(handshake.getFieldValue(ROLE_HEADER)));
        conn.setAttachment(hub.open(conn, principal, handshake.getFieldValue(FORWARDED_FOR_HEADER),
                links.writability(handshake.getFieldValue(LINK_HEADER))));
    }

    /**
     * The principal's name as the bridge writes it: UTF-8, percent-encoded, because the hand-over head is written as
     * ISO-8859-1 and Java-WebSocket reads it as ASCII, which would turn "zoë" and "zoé" into one mangled name.
     */
    static String encodeName(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    static String decodeName(String header) {
        return URLDecoder.decode(header, StandardCharsets.UTF_8);
    }

    @Override
    public void onMessage(WebSocket conn, String message) {
        ClientSession session = conn.getAttachment();
        try {
            Command command = CommandParser.parse(message);
            session.good();
            handle(session, command);
        } catch (CommandParser.BadCommand bad) {
            refuse(session, bad.error());
        } catch (RuntimeException e) {
            // Nothing a console sends may take the server down; say what happened and keep the connection.
            LOG.error("command from {} failed", session, e);
            hub.reply(session, new Reply.Error(null, ErrorCode.BAD_REQUEST, "internal error: " + e, List.of()));
        }
    }

    /** Every command counts against its token's budget first, resync included: a snapshot costs far more than its request. */
    private void handle(ClientSession session, Command command) {
        if (!budgets.tryTake(session.principal())) {
            hub.reply(session, new Reply.Error(command.id(), ErrorCode.RATE_LIMITED, budgets.refusal(session.principal()), List.of()));
            return;
        }
        switch (command) {
            case Command.Resync r -> hub.resync(session);
            // The control plane checks the role, for the stream and PUT /api/config alike.
            case Command.Change change -> control.submit(session.principal(), change).thenAccept(reply -> hub.reply(session, reply));
            case Command.DnsAction action -> control.submitDns(session.principal(), action).thenAccept(reply -> hub.reply(session, reply));
        }
    }

    @Override
    public void onMessage(WebSocket conn, ByteBuffer message) {
        refuse(conn.getAttachment(), new Reply.Error(null, ErrorCode.MALFORMED, "binary messages are not accepted; send JSON text", List.of()));
    }

    /** Answers a bad message; a run of them closes the connection, since that console is not speaking our protocol. */
    private void refuse(ClientSession session, Reply.Error error) {
        hub.reply(session, error);
        int inARow = session.bad();
        if (inARow >= limits.maxBadInARow()) {
            LOG.warn("closing console {}: {} bad messages in a row", session, inARow);
            session.close(Protocol.CloseCodes.POLICY, inARow + " bad messages in a row; last: " + error.message());
        }
    }

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {
        ClientSession session = conn.getAttachment();
        if (session != null) {
            hub.closed(session, code, reason);
        }
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {
        LOG.debug("telemetry connection {}: {}", conn == null ? "server" : conn.getRemoteSocketAddress(), ex.toString());
    }

    @Override
    public void onStart() {
        started.countDown();
    }
}
