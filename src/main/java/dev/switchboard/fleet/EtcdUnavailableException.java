package dev.switchboard.fleet;

/** etcd did not answer a fleet request (down, unreachable, or too slow). */
public final class EtcdUnavailableException extends RuntimeException {

    public EtcdUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
