package dev.switchboard.config.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.switchboard.config.ConfigProblem;
import dev.switchboard.config.json.JsonTree.JsonArray;
import dev.switchboard.config.json.JsonTree.JsonBoolean;
import dev.switchboard.config.json.JsonTree.JsonNull;
import dev.switchboard.config.json.JsonTree.JsonNumber;
import dev.switchboard.config.json.JsonTree.JsonObject;
import dev.switchboard.config.json.JsonTree.JsonString;
import dev.switchboard.config.json.JsonTree.Member;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads JSON text with Jackson's streaming parser into a {@link JsonTree} that keeps every token's location.
 * Jackson's own tree drops locations and silently keeps the last of duplicate keys; both matter for config.
 */
public final class LocatedJsonReader {

    private static final JsonFactory FACTORY = JsonFactory.builder().build();

    /** The tree (null after a syntax error) and the problems found while reading (duplicate keys, syntax). */
    public record Result(JsonTree root, List<ConfigProblem> problems) {
        public Result {
            problems = List.copyOf(problems);
        }
    }

    private final List<ConfigProblem> problems = new ArrayList<>();

    private LocatedJsonReader() {
    }

    public static Result read(String text) {
        return new LocatedJsonReader().readDocument(text);
    }

    private Result readDocument(String text) {
        try (JsonParser parser = FACTORY.createParser(text)) {
            try {
                if (parser.nextToken() == null) {
                    return syntaxError(new Location(1, 1), "the file is empty; expected a JSON object");
                }
                JsonTree root = readValue(parser, "");
                if (parser.nextToken() != null) {
                    return syntaxError(location(parser), "unexpected content after the end of the JSON document");
                }
                return new Result(root, problems);
            } catch (JsonProcessingException e) {
                // A read limit (nesting depth, number length) is reported without a location: the parser's own is it.
                JsonLocation at = e.getLocation() != null ? e.getLocation() : parser.currentLocation();
                return syntaxError(new Location(at.getLineNr(), at.getColumnNr()), SyntaxMessages.readable(e));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
    }

    private JsonTree readValue(JsonParser parser, String path) throws IOException {
        Location at = location(parser);
        return switch (parser.currentToken()) {
            case START_OBJECT -> readObject(parser, path, at);
            case START_ARRAY -> readArray(parser, path, at);
            case VALUE_STRING -> new JsonString(parser.getText(), at);
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> new JsonNumber(parser.getDecimalValue(), at);
            case VALUE_TRUE -> new JsonBoolean(true, at);
            case VALUE_FALSE -> new JsonBoolean(false, at);
            case VALUE_NULL -> new JsonNull(at);
            default -> throw new IllegalStateException("unexpected token " + parser.currentToken());
        };
    }

    private JsonObject readObject(JsonParser parser, String path, Location at) throws IOException {
        Map<String, Member> members = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            Location nameAt = location(parser);
            parser.nextToken();
            JsonTree value = readValue(parser, JsonPaths.field(path, name));
            Member first = members.putIfAbsent(name, new Member(name, nameAt, value));
            if (first != null) {
                problems.add(new ConfigProblem(JsonPaths.field(path, name), nameAt.line(), nameAt.column(),
                        "duplicate key \"" + name + "\" (first at line " + first.nameLocation().line() + ")"));
            }
        }
        return new JsonObject(members, at);
    }

    private JsonArray readArray(JsonParser parser, String path, Location at) throws IOException {
        List<JsonTree> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            items.add(readValue(parser, JsonPaths.index(path, items.size())));
        }
        return new JsonArray(items, at);
    }

    private static Location location(JsonParser parser) {
        JsonLocation at = parser.currentTokenLocation();
        return new Location(at.getLineNr(), at.getColumnNr());
    }

    private static Result syntaxError(Location at, String message) {
        return new Result(null, List.of(new ConfigProblem(ConfigProblem.ROOT, at.line(), at.column(),
                "invalid JSON: " + message)));
    }
}
