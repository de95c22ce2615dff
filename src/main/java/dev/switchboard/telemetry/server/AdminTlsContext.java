package dev.switchboard.telemetry.server;

import dev.switchboard.config.AdminConfig.AdminTls;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.IOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;

/** The admin listener's server TLS context from {@code admin.tls}; TLS ends here, the bridge behind it is plain. */
final class AdminTlsContext {

    private AdminTlsContext() {
    }

    static SslContext load(AdminTls tls, Path configDir) {
        Path store = configDir.resolve(tls.keystore());
        char[] password = tls.password().toCharArray();
        try {
            // getInstance(File, ...) recognises PKCS12 and JKS by content.
            KeyStore keys = KeyStore.getInstance(store.toFile(), password);
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keys, password);
            return SslContextBuilder.forServer(kmf).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("admin.tls: cannot use keystore " + store + ": " + e.getMessage(), e);
        }
    }
}
