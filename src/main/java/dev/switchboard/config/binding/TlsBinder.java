package dev.switchboard.config.binding;

import dev.switchboard.config.TlsConfig;
import java.util.List;

/** APIM's backend {@code tls}; both checks default to on. */
final class TlsBinder implements Binder<TlsConfig> {

    @Override
    public List<String> fields() {
        return List.of("validateCertificateChain", "validateCertificateName");
    }

    @Override
    public TlsConfig bind(FieldReader in) {
        return new TlsConfig(in.bool("validateCertificateChain", TlsConfig.DEFAULT.validateCertificateChain()),
                in.bool("validateCertificateName", TlsConfig.DEFAULT.validateCertificateName()));
    }
}
