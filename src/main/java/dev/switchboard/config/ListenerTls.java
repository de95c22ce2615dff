package dev.switchboard.config;

/**
 * The gateway's own certificate: with it the listener serves HTTPS.
 *
 * @param keystore PKCS12 or JKS file (the type is detected); a relative path is relative to the working directory
 * @param password password of the keystore and of its key
 * @param alias    the key entry to serve; null means the keystore's first key entry
 */
public record ListenerTls(String keystore, String password, String alias) {
}
