package dev.switchboard.telemetry.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.switchboard.engine.AdminState;
import dev.switchboard.engine.RuntimeOverrides;
import dev.switchboard.engine.breaker.ForceAction;
import dev.switchboard.telemetry.protocol.Command;
import dev.switchboard.telemetry.protocol.Protocol;
import dev.switchboard.telemetry.protocol.Reply;
import dev.switchboard.telemetry.protocol.Reply.ErrorCode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads one console message into a {@link Command}, or says exactly what is wrong with it: which field is missing or
 * has the wrong type, or which values a field takes.
 */
final class CommandParser {

    private static final List<String> TYPES =
            List.of("setWeight", "setPriority", "setAdminState", "forceBreaker", "replaceConfig", "clearOverrides", "clearOverride", "resync",
                    "dns.disableEndpoint", "dns.enableEndpoint", "dns.failOverTo", "dns.clearFailover");

    /** A message that is not a valid command; carries the reply. */
    static final class BadCommand extends Exception {
        private final transient Reply.Error error;

        BadCommand(String id, ErrorCode code, String message) {
            super(message, null, false, false);
            this.error = new Reply.Error(id, code, message, List.of());
        }

        Reply.Error error() {
            return error;
        }
    }

    private CommandParser() {
    }

    static Command parse(String text) throws BadCommand {
        JsonNode node;
        try {
            node = Protocol.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new BadCommand(null, ErrorCode.MALFORMED, "not valid JSON: " + e.getOriginalMessage());
        }
        if (node == null || !node.isObject()) {
            throw new BadCommand(null, ErrorCode.MALFORMED, "a message must be a JSON object");
        }
        JsonNode idNode = node.get("id");
        String id = idNode != null && idNode.isTextual() ? idNode.asText() : null;
        if (id == null) {
            throw new BadCommand(null, ErrorCode.BAD_REQUEST, idNode == null ? "missing field \"id\"" : "field \"id\" must be a string");
        }
        Fields f = new Fields(id, node);
        String type = f.string("type");
        if (!TYPES.contains(type)) {
            throw new BadCommand(id, ErrorCode.UNKNOWN_TYPE, "unknown type \"" + type + "\"; known types: " + String.join(", ", TYPES));
        }
        return switch (type) {
            case "resync" -> new Command.Resync(id);
            case "setWeight" -> new Command.SetWeight(id, f.version(), f.string("pool"), f.string("backend"), f.integer("weight"));
            case "setPriority" -> new Command.SetPriority(id, f.version(), f.string("pool"), f.string("backend"), f.integer("priority"));
            case "setAdminState" -> new Command.SetAdminState(id, f.version(), f.string("backend"), f.choice("state", AdminState.values()));
            case "forceBreaker" -> new Command.ForceBreaker(id, f.version(), f.string("backend"), f.choice("action", ForceAction.values()));
            case "replaceConfig" -> new Command.ReplaceConfig(id, f.version(), f.string("config"), f.flag("dryRun"));
            case "clearOverrides" -> new Command.ClearOverrides(id, f.version());
            case "clearOverride" -> clearOverride(f);
            case "dns.disableEndpoint" -> new Command.DnsDisableEndpoint(id, f.string("profile"), f.string("endpoint"));
            case "dns.enableEndpoint" -> new Command.DnsEnableEndpoint(id, f.string("profile"), f.string("endpoint"));
            case "dns.failOverTo" -> new Command.DnsFailOverTo(id, f.string("profile"), f.string("endpoint"));
            case "dns.clearFailover" -> new Command.DnsClearFailover(id, f.string("profile"));
            default -> throw new IllegalStateException("TYPES and the switch disagree about " + type);
        };
    }

    /** {@code pool} names the member for weight and priority; admin states are per backend, so it must be absent. */
    private static Command.ClearOverride clearOverride(Fields f) throws BadCommand {
        String kind = f.choice("kind", Arrays.stream(RuntimeOverrides.Kind.values()).map(RuntimeOverrides.Kind::jsonName).toList());
        boolean perBackend = RuntimeOverrides.Kind.ofJsonName(kind) == RuntimeOverrides.Kind.ADMIN_STATE;
        if (perBackend && f.node().hasNonNull("pool")) {
            throw new BadCommand(f.id(), ErrorCode.BAD_REQUEST, "field \"pool\" does not apply to kind adminState (an admin state is per backend)");
        }
        return new Command.ClearOverride(f.id(), f.version(), kind, perBackend ? null : f.string("pool"), f.string("backend"));
    }

    /** Typed access to a message's fields, failing with the field's name. */
    private record Fields(String id, JsonNode node) {

        JsonNode required(String name) throws BadCommand {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                throw new BadCommand(id, ErrorCode.BAD_REQUEST, "missing field \"" + name + "\"");
            }
            return value;
        }

        String string(String name) throws BadCommand {
            JsonNode value = required(name);
            if (!value.isTextual()) {
                throw wrongType(name, "a string", value);
            }
            return value.asText();
        }

        int integer(String name) throws BadCommand {
            JsonNode value = required(name);
            if (!value.isIntegralNumber() || !value.canConvertToInt()) {
                throw wrongType(name, "an integer", value);
            }
            return value.intValue();
        }

        long version() throws BadCommand {
            JsonNode value = required("baseVersion");
            if (!value.isIntegralNumber() || !value.canConvertToLong()) {
                throw wrongType("baseVersion", "an integer (the version the change is based on)", value);
            }
            return value.longValue();
        }

        /** An optional boolean, false when absent. */
        boolean flag(String name) throws BadCommand {
            JsonNode value = node.get(name);
            if (value == null || value.isNull()) {
                return false;
            }
            if (!value.isBoolean()) {
                throw wrongType(name, "true or false", value);
            }
            return value.booleanValue();
        }

        <E extends Enum<E>> String choice(String name, E[] options) throws BadCommand {
            return choice(name, Arrays.stream(options).map(Enum::name).toList());
        }

        String choice(String name, List<String> names) throws BadCommand {
            String value = string(name);
            if (!names.contains(value)) {
                throw new BadCommand(id, ErrorCode.BAD_REQUEST, "field \"" + name + "\" must be one of " + String.join(", ", names)
                        + ", got \"" + value + "\"");
            }
            return value;
        }

        private BadCommand wrongType(String name, String expected, JsonNode value) {
            return new BadCommand(id, ErrorCode.BAD_REQUEST, "field \"" + name + "\" must be " + expected + ", got "
                    + value.getNodeType().name().toLowerCase(Locale.ROOT) + " " + value);
        }
    }
}
