package dev.switchboard.config;

/** APIM's backend {@code tls}: switch certificate checks off only for test setups. */
public record TlsConfig(boolean validateCertificateChain, boolean validateCertificateName) {

    public static final TlsConfig DEFAULT = new TlsConfig(true, true);
}
