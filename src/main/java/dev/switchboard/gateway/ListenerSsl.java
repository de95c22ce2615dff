package dev.switchboard.gateway;

import dev.switchboard.config.ListenerTls;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Collections;

/** The listener's server TLS context, from the key entry of a PKCS12 or JKS keystore. */
final class ListenerSsl {

    private ListenerSsl() {
    }

    /** @throws IllegalArgumentException when the keystore cannot be read or holds no such key */
    static SslContext context(ListenerTls tls) {
        char[] password = tls.password().toCharArray();
        try {
            KeyStore keystore = KeyStore.getInstance(new File(tls.keystore()), password);
            String alias = tls.alias() != null ? tls.alias() : firstKeyAlias(keystore);
            if (alias == null || !keystore.isKeyEntry(alias)) {
                throw new IllegalArgumentException("keystore " + tls.keystore() + " has no key entry"
                        + (tls.alias() == null ? "" : " named '" + alias + "'"));
            }
            Certificate[] chain = keystore.getCertificateChain(alias);
            return SslContextBuilder.forServer((PrivateKey) keystore.getKey(alias, password),
                    Arrays.copyOf(chain, chain.length, X509Certificate[].class)).build();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot load the TLS keystore " + tls.keystore() + ": " + e.getMessage(), e);
        }
    }

    private static String firstKeyAlias(KeyStore keystore) throws GeneralSecurityException {
        for (String alias : Collections.list(keystore.aliases())) {
            if (keystore.isKeyEntry(alias)) {
                return alias;
            }
        }
        return null;
    }
}
