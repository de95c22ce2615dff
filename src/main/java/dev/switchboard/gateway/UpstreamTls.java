package dev.switchboard.gateway;

import dev.switchboard.config.TlsConfig;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.util.InsecureTrustManagerFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.net.ssl.SSLException;

/** Client TLS contexts for https backends, one per certificate-check setting (contexts are costly to build). */
final class UpstreamTls {

    private final Map<TlsConfig, SslContext> contexts = new ConcurrentHashMap<>();

    SslContext context(TlsConfig tls) {
        return contexts.computeIfAbsent(tls, UpstreamTls::build);
    }

    private static SslContext build(TlsConfig tls) {
        SslContextBuilder builder = SslContextBuilder.forClient()
                // HTTPS endpoint identification checks the certificate's names against the SNI host.
                .endpointIdentificationAlgorithm(tls.validateCertificateName() ? "HTTPS" : null);
        if (!tls.validateCertificateChain()) {
            builder.trustManager(tls.validateCertificateName() ? new NameOnlyTrustManager() : InsecureTrustManagerFactory.INSTANCE.getTrustManagers()[0]);
            // The name check, if wanted, is the trust manager's job now (the JDK's runs only with chain validation).
            builder.endpointIdentificationAlgorithm(null);
        }
        try {
            return builder.build();
        } catch (SSLException e) {
            throw new IllegalStateException("cannot build the TLS client context for " + tls, e);
        }
    }
}
