package dev.switchboard.config.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/** Turns Jackson's parse errors into one readable sentence without class names or source descriptions. */
final class SyntaxMessages {

    /** Jackson appends where an unclosed object or array started; the problem location already says enough. */
    private static final Pattern START_MARKER = Pattern.compile("\\s*\\(start marker at \\[[^]]*]\\)");
    private static final Pattern CHAR_CODE = Pattern.compile(" \\(code \\d+\\)");
    private static final Pattern JACKSON_HINT = Pattern.compile("\\s*\\n.*", Pattern.DOTALL);

    private SyntaxMessages() {
    }

    static String readable(JsonProcessingException e) {
        String message = e.getOriginalMessage();
        message = START_MARKER.matcher(message).replaceAll("");
        message = CHAR_CODE.matcher(message).replaceAll("");
        return JACKSON_HINT.matcher(message).replaceAll("");
    }
}
