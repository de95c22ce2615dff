package dev.switchboard.apim;

import dev.switchboard.config.RequestAction;
import java.util.List;

/**
 * APIM URL-template parameter names as regex group names. A rewrite-uri placeholder must name a group of its rule's
 * path regex, and Java allows only ASCII letters and digits there, while APIM templates use names such as
 * {@code order_id} or {@code api-version}: any other character c becomes {@code x} and its hex code
 * ({@code order_id} → {@code orderx5fid}), in the regex and in the template alike.
 */
final class TemplateNames {

    private TemplateNames() {
    }

    static String groupName(String name) {
        StringBuilder out = new StringBuilder(name.length());
        for (char c : name.toCharArray()) {
            if (c < 128 && Character.isLetterOrDigit(c)) {
                out.append(c);
            } else {
                out.append('x').append(Integer.toHexString(c));
            }
        }
        if (out.isEmpty() || !Character.isLetter(out.charAt(0))) {
            out.insert(0, 'p');
        }
        return out.toString();
    }

    /** {@code template} with each {@code {name}} as {@code {groupName(name)}}; unchanged when it is not a template. */
    static String withGroupNames(String template) {
        List<String> parts = RequestAction.RewriteUri.parts(template);
        if (parts == null) {
            return template;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < parts.size(); i++) {
            out.append(i % 2 == 0 ? parts.get(i) : "{" + groupName(parts.get(i)) + "}");
        }
        return out.toString();
    }
}
