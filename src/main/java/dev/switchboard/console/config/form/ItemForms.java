package dev.switchboard.console.config.form;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.switchboard.config.ErrorReason;
import dev.switchboard.config.SessionAffinityConfig;
import dev.switchboard.config.WhenAllUnavailable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The forms of the outline's items: which fields a backend, pool or API shows, with labels, defaults and tooltips
 * from docs/config.md, and what can be added to each. Route rules stay in the Source tab.
 */
final class ItemForms {

    private static final FieldKind TEXT = FieldKind.TEXT;
    private static final FieldKind NUMBER = FieldKind.NUMBER;
    private static final FieldKind FLAG = FieldKind.FLAG;
    private static final List<String> REASONS = Arrays.stream(ErrorReason.values()).map(Enum::name).toList();

    private static final JsonNode RULE = ConfigDocument.json("""
            { "failureCondition": { "count": 5, "interval": "PT10S", "statusCodeRanges": [ { "min": 500, "max": 599 } ],
                                    "errorReasons": [ "BackendConnectionFailure", "Timeout" ] },
              "tripDuration": "PT30S" }""");
    private static final JsonNode PROBE = ConfigDocument.json("""
            { "path": "/", "interval": "PT10S", "timeout": "PT2S" }""");
    private static final JsonNode SLOW_START = ConfigDocument.json("""
            { "duration": "PT30S" }""");
    private static final JsonNode AFFINITY = ConfigDocument.json("""
            { "sessionId": { "source": "Cookie", "name": "session" } }""");
    // Retrying only what never reached the backend is safe for any request; widen it deliberately.
    private static final JsonNode RETRY = ConfigDocument.json("""
            { "count": 1, "interval": "PT1S", "errorReasons": [ "BackendConnectionFailure" ] }""");

    private ItemForms() {
    }

    static List<FormSection> sections(ConfigDocument doc, OutlineItem item, List<OutlineItem> outline) {
        return switch (item.kind()) {
            case BACKEND -> backend(doc, item.body());
            case POOL -> pool(doc, item.body(), ConfigOutline.ids(outline, OutlineItem.Kind.BACKEND));
            case API -> api(doc, item.path(),
                    ConfigOutline.ids(outline, OutlineItem.Kind.BACKEND, OutlineItem.Kind.POOL));
        };
    }

    static List<Addition> additions(ConfigDocument doc, OutlineItem item, List<OutlineItem> outline) {
        JsonPath body = item.body();
        List<Addition> out = new ArrayList<>();
        switch (item.kind()) {
            case BACKEND -> {
                JsonPath rules = body.resolve("circuitBreaker.rules");
                ObjectNode rule = ((ObjectNode) RULE.deepCopy()).put("name", "rule-" + (doc.at(rules).size() + 1));
                out.add(new Addition("Add breaker rule", rules, rule, true,
                        "A rule that trips the breaker on 5xx, connection failures and timeouts; any rule can trip"));
                absent(doc, out, new Addition("Add health probe", body.field("healthProbe"), PROBE, false,
                        "Probe the backend's path every interval; failing probes take it out of its pools"));
                absent(doc, out, new Addition("Add slow start", body.field("slowStart"), SLOW_START, false,
                        "Ramp the weight up after the backend becomes available again"));
            }
            case POOL -> {
                out.add(new Addition("Add member", body.resolve("pool.services"), member(doc, body, outline), true,
                        "Add a backend to the pool; in a weighted pool it joins at weight 0 (drained) until you set one"));
                absent(doc, out, new Addition("Add session affinity", body.resolve("pool.sessionAffinity"), AFFINITY,
                        false, "Send requests with the same session cookie or header to the same member"));
            }
            case API -> absent(doc, out, new Addition("Add retry policy", item.path().field("retry"), RETRY, false,
                    "Retry failed attempts; the template retries only connection failures, which are safe for any request"));
        }
        return out;
    }

    private static void absent(ConfigDocument doc, List<Addition> out, Addition addition) {
        JsonNode now = doc.at(addition.path());
        if (now.isMissingNode() || now.isNull()) {
            out.add(addition);
        }
    }

    /** The first backend not yet in the pool; weight 0 when the others have weights (all or none must). */
    private static JsonNode member(ConfigDocument doc, JsonPath body, List<OutlineItem> outline) {
        JsonNode services = doc.at(body.resolve("pool.services"));
        Set<String> taken = new HashSet<>();
        services.forEach(s -> taken.add(s.path("id").asText().replaceFirst("^.*/backends/", "")));
        ObjectNode member = JsonNodeFactory.instance.objectNode();
        member.put("id", ConfigOutline.ids(outline, OutlineItem.Kind.BACKEND).stream().filter(id -> !taken.contains(id))
                .findFirst().orElse(""));
        if (services.size() > 0 && services.path(0).has("weight")) {
            member.put("weight", 0);
        }
        return member;
    }

    private static List<FormSection> backend(ConfigDocument doc, JsonPath body) {
        List<FormSection> sections = new ArrayList<>();
        sections.add(new FormSection("Backend", body, List.of(
                field(body, "url", "URL", TEXT, "", "Absolute http or https URL requests go to; the API's path prefix is stripped before it is joined"),
                field(body, "description", "Description", TEXT, "", "Free text for operators"),
                field(body, "tls.validateCertificateChain", "Check certificate chain", FLAG, "true",
                        "For https: refuse a certificate that does not chain to a trusted root; switch off only for test setups"),
                field(body, "tls.validateCertificateName", "Check certificate name", FLAG, "true",
                        "For https: refuse a certificate issued for another host name; switch off only for test setups")),
                null, ""));
        JsonPath rules = body.resolve("circuitBreaker.rules");
        int count = doc.at(rules).size();
        for (int i = 0; i < count; i++) {
            // Without rules a breaker is an error, so removing the last rule removes the breaker.
            sections.add(rule(rules.index(i), i, count == 1 ? body.field("circuitBreaker") : rules.index(i)));
        }
        present(doc, sections, probe(body.field("healthProbe")));
        present(doc, sections, new FormSection("Slow start", body.field("slowStart"), List.of(
                field(body, "slowStart.duration", "Ramp duration", TEXT, "e.g. PT30S", "How long the weight ramps up after recovery, ISO-8601"),
                field(body, "slowStart.minWeightPercent", "Start at % of weight", NUMBER, "10", "Weight share at the start of the ramp, 1-100")),
                body.field("slowStart"), ""));
        return sections;
    }

    private static FormSection rule(JsonPath rule, int index, JsonPath removes) {
        return new FormSection("Breaker rule " + (index + 1), rule, List.of(
                field(rule, "name", "Name", TEXT, "", "Names the rule in events and counters"),
                field(rule, "failureCondition.count", "Trip after failures", NUMBER, "or a percentage",
                        "Failures within the interval that trip the breaker (give this or a percentage)"),
                field(rule, "failureCondition.percentage", "or failure %", NUMBER, "or a count",
                        "Failure percentage (1-100) within the interval that trips the breaker (give this or a count)"),
                field(rule, "failureCondition.minimumRequests", "Minimum requests", NUMBER, "10",
                        "Requests needed in the interval before a percentage can trip"),
                field(rule, "failureCondition.interval", "Within interval", TEXT, "e.g. PT10S", "The sliding window failures are counted in, ISO-8601"),
                field(rule, "failureCondition.statusCodeRanges", "Failing statuses", FieldKind.RANGES, "e.g. 500-599, 429",
                        "Response statuses that count as failures: ranges and single codes, comma-separated"),
                choices(field(rule, "failureCondition.errorReasons", "Failing errors", FieldKind.NAMES, "",
                        "Transport errors that count as failures"), REASONS),
                field(rule, "tripDuration", "Open for", TEXT, "e.g. PT30S", "How long the breaker stays OPEN after it trips, ISO-8601"),
                field(rule, "acceptRetryAfter", "Use Retry-After", FLAG, "false",
                        "Stay open as long as the backend's Retry-After says instead of the trip duration"),
                field(rule, "maxTripDuration", "At most open for", TEXT, "larger of PT5M and the trip",
                        "Cap on a trip that Retry-After lengthens, ISO-8601"),
                field(rule, "halfOpenRequests", "Half-open trials", NUMBER, "1", "Trial requests let through in HALF_OPEN, 1-1000")),
                removes, "");
    }

    private static FormSection probe(JsonPath probe) {
        return new FormSection("Health probe", probe, List.of(
                field(probe, "path", "Path", TEXT, "/", "Request path of the probe; starts with /"),
                field(probe, "interval", "Every", TEXT, "PT10S", "Time between probes, ISO-8601"),
                field(probe, "timeout", "Timeout", TEXT, "PT2S", "A probe slower than this fails; shorter than the interval"),
                field(probe, "healthyThreshold", "Healthy after", NUMBER, "2", "Consecutive successes that mark the backend healthy"),
                field(probe, "unhealthyThreshold", "Unhealthy after", NUMBER, "3", "Consecutive failures that mark it unhealthy"),
                field(probe, "expectedStatusCodeRanges", "Healthy statuses", FieldKind.RANGES, "200-399",
                        "Statuses that count as success: ranges and single codes, comma-separated")),
                probe, "");
    }

    private static List<FormSection> pool(ConfigDocument doc, JsonPath body, List<String> singles) {
        List<FormSection> sections = new ArrayList<>();
        sections.add(new FormSection("Pool", body, List.of(
                field(body, "description", "Description", TEXT, "", "Free text for operators"),
                choices(field(body, "pool.whenAllUnavailable.action", "When all unavailable", FieldKind.CHOICE, "failClosed",
                        "failClosed answers the status code below; panic ignores availability and balances over every enabled member"),
                        Arrays.stream(WhenAllUnavailable.Action.values()).map(Enum::name).toList()),
                field(body, "pool.whenAllUnavailable.statusCode", "Status then", NUMBER, "503", "Status for failClosed, 400-599"),
                field(body, "pool.overprovisioningFactor", "Overprovisioning", NUMBER, "none: strict priority",
                        "Spill gradually to the next priority group as this one degrades (e.g. 1.4); empty for strict APIM priority")),
                null, ""));
        JsonPath services = body.resolve("pool.services");
        for (int i = 0; i < doc.at(services).size(); i++) {
            JsonPath member = services.index(i);
            sections.add(new FormSection("Member " + (i + 1), member, List.of(
                    choices(field(member, "id", "Backend", FieldKind.CHOICE, "", "The member backend (a single backend: pools do not nest)"), singles),
                    field(member, "weight", "Weight", NUMBER, "none: even split",
                            "0-1000, 0 drains; either every member has a weight or none"),
                    field(member, "priority", "Priority", NUMBER, "1", "1-100, 1 is best; lower groups serve only when higher ones cannot")),
                    member, ""));
        }
        JsonPath affinity = body.resolve("pool.sessionAffinity");
        present(doc, sections, new FormSection("Session affinity", affinity, List.of(
                choices(field(affinity, "sessionId.source", "Session id from", FieldKind.CHOICE, "",
                        "Where the session id is read"),
                        Arrays.stream(SessionAffinityConfig.AffinitySource.values()).map(Enum::name).toList()),
                field(affinity, "sessionId.name", "Cookie or header", TEXT, "", "Name of the cookie or header holding the session id")),
                affinity, ""));
        return sections;
    }

    private static List<FormSection> api(ConfigDocument doc, JsonPath api, List<String> targets) {
        List<FormSection> sections = new ArrayList<>();
        int rules = doc.at(api.field("rules")).size();
        sections.add(new FormSection("API", api, List.of(
                field(api, "name", "Name", TEXT, "", "Unique name of the API"),
                field(api, "host", "Host", TEXT, "any host", "Host header to match, case-insensitive; empty matches any host"),
                field(api, "path", "Path prefix", TEXT, "/", "Path prefix to match, starting with /; stripped before the backend URL is joined"),
                choices(field(api, "backendId", "Backend or pool", FieldKind.CHOICE, "", "Where matching requests go"), targets),
                field(api, "preserveHost", "Preserve Host", FLAG, "false", "Forward the client's Host header instead of the backend's host"),
                field(api, "maxBufferedBody", "Buffered body bytes", NUMBER, "1048576",
                        "Largest request body kept for replaying on a retry"),
                field(api, "timeouts.connect", "Connect timeout", TEXT, "PT5S", "Opening a connection to a backend, ISO-8601"),
                field(api, "timeouts.perTry", "Per-try timeout", TEXT, "PT30S", "One attempt up to the response head, ISO-8601; not longer than total"),
                field(api, "timeouts.total", "Total timeout", TEXT, "PT300S", "The whole request including retries, ISO-8601")),
                null, rules == 0 ? "" : rules + " route rule(s) pick other backends first: edit them in the Source tab"));
        JsonPath retry = api.field("retry");
        present(doc, sections, new FormSection("Retry policy", retry, List.of(
                field(retry, "count", "Retries", NUMBER, "", "Retries after the first attempt, 1-50"),
                field(retry, "interval", "Wait", TEXT, "e.g. PT1S", "Wait between attempts, ISO-8601; PT0S retries at once"),
                field(retry, "delta", "Increase by", TEXT, "none: fixed wait", "Makes the wait grow linearly, or exponentially with a maximum"),
                field(retry, "maxInterval", "Wait at most", TEXT, "none", "Cap of the exponential wait; needs an increase"),
                field(retry, "statusCodeRanges", "Retried statuses", FieldKind.RANGES, "e.g. 502-504",
                        "Response statuses that are retried: ranges and single codes, comma-separated"),
                choices(field(retry, "errorReasons", "Retried errors", FieldKind.NAMES, "", "Transport errors that are retried"), REASONS),
                field(retry, "firstFastRetry", "First retry at once", FLAG, "false", "The first retry goes without waiting"),
                field(retry, "otherBackend", "Retry on another member", FLAG, "true",
                        "Retry on a pool member not tried yet when there is one")),
                retry, ""));
        return sections;
    }

    private static void present(ConfigDocument doc, List<FormSection> sections, FormSection section) {
        JsonNode node = doc.at(section.path());
        if (!node.isMissingNode() && !node.isNull()) {
            sections.add(section);
        }
    }

    private static FormField field(JsonPath base, String dotted, String label, FieldKind kind, String fallback, String help) {
        return new FormField(label, base.resolve(dotted), kind, fallback, help, List.of());
    }

    private static FormField choices(FormField f, List<String> choices) {
        return new FormField(f.label(), f.path(), f.kind(), f.fallback(), f.help(), choices);
    }
}
