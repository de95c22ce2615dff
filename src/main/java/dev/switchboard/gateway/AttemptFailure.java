package dev.switchboard.gateway;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.ErrorReason;
import io.netty.channel.ConnectTimeoutException;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpResponse;
import javax.net.ssl.SSLException;

/**
 * What went wrong with one attempt before its response reached the client: the reason the breaker and the retry
 * policy see, and the problem the client gets when no retry follows.
 */
record AttemptFailure(ErrorReason reason, Problem problem) {

    /** Connecting (TCP or TLS) to the backend failed. */
    static AttemptFailure connect(ApiConfig api, String backend, Throwable cause) {
        if (cause instanceof ConnectTimeoutException) {
            return new AttemptFailure(ErrorReason.Timeout, Problem.timeout(api.name(), backend, "Connecting to backend '" + backend
                    + "' took longer than the connect timeout " + api.timeouts().connect() + "."));
        }
        return new AttemptFailure(ErrorReason.BackendConnectionFailure, isTls(cause)
                ? Problem.tlsFailed(api.name(), backend, describe(cause))
                : Problem.connectFailed(api.name(), backend, describe(cause)));
    }

    /** The backend's response head did not decode. */
    static AttemptFailure invalidResponse(ApiConfig api, String backend, Throwable cause) {
        return new AttemptFailure(ErrorReason.InvalidResponse,
                Problem.badGateway(api.name(), backend, "sent a response that is not valid HTTP/1.1 (" + describe(cause) + ")"));
    }

    /**
     * What is wrong with a response head, or null: what the decoder could not read, a status Netty reads but RFC
     * 9110 15 does not allow (three digits from 100 to 599; {@code 2000} would pass on), a 101, as the gateway
     * never asks to switch protocols and would wait for a final head behind it, or a transfer coding but chunked.
     */
    static AttemptFailure invalidHead(ApiConfig api, String backend, HttpResponse head) {
        if (head.decoderResult().isFailure()) {
            return invalidResponse(api, backend, head.decoderResult().cause());
        }
        int code = head.status().code();
        if (code == 101) {
            return invalidResponse(api, backend,
                    new IllegalArgumentException("101 Switching Protocols to a request that asked for no upgrade"));
        }
        String codings = UpstreamFraming.otherCodings(head.headers());
        if (codings != null) {
            // Re-chunked without it, a gzip coding would reach the client as bytes it cannot know to decode; kept, it
            // would reach an HTTP/1.0 client (RFC 9112 6.1 forbids Transfer-Encoding there) or one that never sent TE.
            return invalidResponse(api, backend, new IllegalArgumentException(
                    "Transfer-Encoding '" + codings + "': the gateway passes on only the chunked coding"));
        }
        return code >= 100 && code <= 599 ? null
                : invalidResponse(api, backend, new IllegalArgumentException("status " + code + " is not from 100 to 599"));
    }

    /** The connection failed or closed before a complete response head; {@code cause} is null for a plain close. */
    static AttemptFailure lostConnection(ApiConfig api, String backend, Throwable cause) {
        if (cause instanceof DecoderException) {
            return invalidResponse(api, backend, cause);
        }
        return new AttemptFailure(ErrorReason.ConnectionReset, Problem.badGateway(api.name(), backend,
                "closed the connection before a complete response head" + (cause == null ? "" : " (" + describe(cause) + ")")));
    }

    /** No response head within the per-try timeout. */
    static AttemptFailure perTryTimeout(ApiConfig api, String backend) {
        return new AttemptFailure(ErrorReason.Timeout, Problem.timeout(api.name(), backend,
                "Backend '" + backend + "' sent no response head within the per-try timeout " + api.timeouts().perTry() + "."));
    }

    /** The api's total timeout passed; {@code backend} is the one in flight, or null between attempts. */
    static Problem totalTimeout(ApiConfig api, String backend, int attempts) {
        return Problem.timeout(api.name(), backend, "No response within the total timeout of " + api.timeouts().total() + " of api '"
                + api.name() + "' after " + attempts + " attempt(s).");
    }

    static boolean isTls(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SSLException) {
                return true;
            }
        }
        return false;
    }

    static String describe(Throwable cause) {
        if (cause == null) {
            return "no detail";
        }
        String message = cause.getMessage();
        return message == null ? cause.getClass().getSimpleName() : message;
    }
}
