package dev.switchboard.config.binding;

import dev.switchboard.config.ListenerTls;
import java.util.List;

/** {@code gateway.tls}: keystore and password are required; the file itself is read when the gateway starts. */
final class ListenerTlsBinder implements Binder<ListenerTls> {

    @Override
    public List<String> fields() {
        return List.of("keystore", "password", "alias");
    }

    @Override
    public ListenerTls bind(FieldReader in) {
        String keystore = in.requiredString("keystore");
        if (keystore != null && keystore.isBlank()) {
            in.problem("keystore", "must name a keystore file");
        }
        String alias = in.string("alias");
        if (alias != null && alias.isBlank()) {
            in.problem("alias", "must not be blank; leave it out to serve the keystore's first key");
        }
        return new ListenerTls(keystore, in.requiredString("password"), alias);
    }
}
