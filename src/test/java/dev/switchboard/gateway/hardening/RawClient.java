package dev.switchboard.gateway.hardening;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A client that writes exact bytes to the gateway and reads its raw responses. */
public final class RawClient implements AutoCloseable {

    /** One response as read off the wire; trailers are those of a chunked body. */
    public record Response(String statusLine, List<String[]> headers, String body, List<String[]> trailers) {

        public int status() {
            return Integer.parseInt(statusLine.split(" ")[1]);
        }

        public String header(String name) {
            return headers.stream().filter(h -> h[0].equalsIgnoreCase(name)).map(h -> h[1]).findFirst().orElse(null);
        }
    }

    private final Socket socket;
    private final InputStream in;

    public RawClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        in = new BufferedInputStream(socket.getInputStream());
    }

    public RawClient send(String bytes) throws IOException {
        socket.getOutputStream().write(bytes.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
        return this;
    }

    /** Half-closes: the gateway reads end of stream, the client can still read. */
    public RawClient shutdownOutput() throws IOException {
        socket.shutdownOutput();
        return this;
    }

    /** The next response (Content-Length or chunked body; without either, the body runs to end of stream). */
    public Response read() throws IOException {
        return read(false);
    }

    /** The next response to a HEAD request: its head only, whatever its framing headers say. */
    public Response readHeadResponse() throws IOException {
        return read(true);
    }

    private Response read(boolean toHead) throws IOException {
        String status = LoggingBackend.line(in);
        if (status == null) {
            throw new IOException("the gateway closed the connection without a response");
        }
        List<String[]> headers = LoggingBackend.fields(in);
        Response head = new Response(status, headers, "", List.of());
        List<String[]> trailers = new ArrayList<>();
        String te = head.header("Transfer-Encoding");
        String length = head.header("Content-Length");
        byte[] body;
        if (toHead) {
            body = new byte[0];
        } else if (te != null && te.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = LoggingBackend.chunked(in, trailers);
        } else if (length != null) {
            body = in.readNBytes(Integer.parseInt(length));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status, headers, new String(body, StandardCharsets.ISO_8859_1), trailers);
    }

    /** True when the gateway ends the stream (FIN or reset) with no further bytes, within the socket timeout. */
    public boolean closedWithoutMoreBytes() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
