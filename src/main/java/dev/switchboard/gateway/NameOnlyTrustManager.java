package dev.switchboard.gateway;

import java.net.Socket;
import java.security.cert.CertificateException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * For {@code validateCertificateChain: false, validateCertificateName: true}: trusts any chain but checks that the
 * server certificate's subject alternative names cover the host we connected to (RFC 6125: one left-most
 * wildcard label; IP addresses match exactly). The JDK only checks names inside chain validation, so an insecure
 * trust manager would skip the name too.
 */
final class NameOnlyTrustManager extends X509ExtendedTrustManager {

    private static final int DNS_NAME = 2;
    private static final int IP_ADDRESS = 7;

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        checkName(chain, engine == null ? null : engine.getPeerHost());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        checkName(chain, socket == null || socket.getInetAddress() == null ? null : socket.getInetAddress().getHostName());
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("the backend's host is unknown, so its certificate name cannot be checked");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("client certificates are not accepted");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    static void checkName(X509Certificate[] chain, String host) throws CertificateException {
        if (host == null || chain == null || chain.length == 0) {
            throw new CertificateException("no certificate or no host to check it against");
        }
        String wanted = host.toLowerCase(Locale.ROOT);
        if (wanted.startsWith("[") && wanted.endsWith("]")) {
            wanted = wanted.substring(1, wanted.length() - 1);
        }
        Collection<List<?>> names;
        try {
            names = chain[0].getSubjectAlternativeNames();
        } catch (CertificateParsingException e) {
            throw new CertificateException("unreadable subject alternative names", e);
        }
        if (names != null) {
            for (List<?> entry : names) {
                int type = (Integer) entry.get(0);
                String value = String.valueOf(entry.get(1)).toLowerCase(Locale.ROOT);
                if (type == IP_ADDRESS && value.equals(wanted) || type == DNS_NAME && dnsMatches(value, wanted)) {
                    return;
                }
            }
        }
        throw new CertificateException("certificate of the backend does not name '" + host + "'");
    }

    private static boolean dnsMatches(String pattern, String host) {
        if (!pattern.startsWith("*.")) {
            return pattern.equals(host);
        }
        int dot = host.indexOf('.');
        return dot > 0 && host.substring(dot).equals(pattern.substring(1));
    }
}
