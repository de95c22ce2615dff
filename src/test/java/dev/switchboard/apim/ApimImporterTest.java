package dev.switchboard.apim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.CircuitBreakerConfig;
import dev.switchboard.config.ConfigLoader;
import dev.switchboard.config.ConfigWriter;
import dev.switchboard.config.GatewayConfig;
import dev.switchboard.config.RequestAction;
import dev.switchboard.engine.breaker.BreakerState;
import dev.switchboard.engine.breaker.CircuitBreaker;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading and translating the test-data/apim inputs: what each becomes, and where the report points. */
class ApimImporterTest {

    private static final Map<String, String> URLS = Map.of(
            "func-primary-url", "http://127.0.0.1:1", "func-secondary-url", "http://127.0.0.1:2", "func-secondary-key", "kv-secret",
            "orders-eu-url", "http://127.0.0.1:3", "orders-apac-url", "http://127.0.0.1:4", "orders-us-url", "http://127.0.0.1:5",
            "backend-weu-url", "http://127.0.0.1:6", "backend-eus-url", "http://127.0.0.1:7");

    private static final String EDITED = "edited.arm.json";

    private static ApimImporter.Result importOf(String input) throws ImportException {
        return ApimImporter.run(List.of(Path.of("test-data/apim", input)), URLS, null);
    }

    /** A copy of test-data/apim/{@code input} in {@code dir}, to change. */
    private static Path copyOf(String input, Path dir) throws IOException {
        Path from = Path.of("test-data/apim", input);
        Path to = dir.resolve(input);
        try (var files = Files.walk(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
            }
        }
        return to;
    }

    private static List<String> lines(ImportReport report, ImportReport.Kind kind) {
        return report.of(kind).stream().map(ImportReport.Entry::toString).toList();
    }

    @Test
    void failoverPoolFromArmAndFromApiOpsGiveTheSameConfig() throws ImportException {
        ApimImporter.Result arm = importOf("failover-pool.arm.json");
        ApimImporter.Result apiOps = importOf("failover-pool.apiops");
        assertThat(arm.report().complete()).isTrue();
        assertThat(apiOps.report().complete()).isTrue();
        assertThat(ConfigWriter.toJson(apiOps.config())).isEqualTo(ConfigWriter.toJson(arm.config()));

        GatewayConfig config = arm.config();
        assertThat(config.backend("regional-pool").pool().services()).extracting(m -> m.backendId() + "@" + m.priority())
                .containsExactly("func-primary@1", "func-secondary@2");
        assertThat(config.backend("func-primary").credentials().header()).containsEntry("x-functions-key", List.of("primary-host-key"));
        assertThat(config.backend("func-secondary").credentials().header()).containsEntry("x-functions-key", List.of("kv-secret"));
        assertThat(config.backend("func-primary").credentials().toString()).doesNotContain("primary-host-key");
        ApiConfig api = config.apis().getFirst();
        assertThat(api.path()).isEqualTo("/resilient-api");
        assertThat(api.backendId()).isEqualTo("regional-pool");
        assertThat(api.retry().condition().text()).isEqualTo("context.Response.StatusCode >= 500");
        assertThat(api.retry().count()).isEqualTo(3);
        assertThat(api.retry().firstFastRetry()).isTrue();
        assertThat(api.actions()).containsExactly(new RequestAction.RewriteUri("api/ProcessRequestFunction", true));
        assertThat(ConfigLoader.parse(ConfigWriter.toJson(config)).isValid()).isTrue();

        assertThat(lines(arm.report(), ImportReport.Kind.WARNING)).contains(
                "test-data/apim/failover-pool.arm.json#resources[7].properties.value:4:3: rate-limit: shown, not enforced: "
                        + "the gateway does not apply it");
        assertThat(arm.report().entries()).anySatisfy(e -> {
            assertThat(e.target()).isEqualTo("apis[resilient-api].retry");
            assertThat(e.source()).hasToString("test-data/apim/failover-pool.arm.json#resources[6].properties.value:8:5");
        });
    }

    @Test
    void anImportedCountBreakerTripsOnItsCountAloneAsApimsDoes() throws ImportException {
        CircuitBreakerConfig breaker = importOf("failover-pool.arm.json").config().backend("func-primary").circuitBreaker();
        // The config carries our minimumRequests default, which only percentage rules read: 3 failures trip, 3 requests in all.
        assertThat(breaker.rules().getFirst().failureCondition().minimumRequests()).isEqualTo(10);
        CircuitBreaker engine = new CircuitBreaker("func-primary", breaker);
        InstantSource wall = InstantSource.fixed(Instant.EPOCH);
        assertThat(engine.record(503, null, null, 0, wall)).isNull();
        assertThat(engine.record(503, null, null, 1_000_000_000L, wall)).isNull();
        assertThat(engine.record(503, null, null, 2_000_000_000L, wall).to()).isEqualTo(BreakerState.OPEN);
    }

    @Test
    void aPriorityOrFlagFromAnIntOrBoolParameterOrVariableKeepsItsType(@TempDir Path dir) throws Exception {
        // The same template with the members' priorities and acceptRetryAfter taken from typed parameters.
        String template = Files.readString(Path.of("test-data/apim/failover-pool.arm.json"))
                .replace("\"parameters\": {", "\"parameters\": { \"primaryPriority\": { \"type\": \"int\", \"defaultValue\": 1 },"
                        + " \"honourRetryAfter\": { \"type\": \"bool\", \"defaultValue\": false },")
                .replace("parameters('primaryFunction'))]\", \"priority\": 1 }", "parameters('primaryFunction'))]\", \"priority\": \"[parameters('primaryPriority')]\" }")
                .replace("parameters('secondaryFunction'))]\", \"priority\": 2 }", "parameters('secondaryFunction'))]\", \"priority\": \"[variables('secondaryPriority')]\" }")
                .replace("\"poolName\": \"regional-pool\"", "\"poolName\": \"regional-pool\", \"secondaryPriority\": 2")
                .replace("\"acceptRetryAfter\": true", "\"acceptRetryAfter\": \"[parameters('honourRetryAfter')]\"");
        Path file = Files.writeString(dir.resolve("typed.arm.json"), template);

        ApimImporter.Result result = ApimImporter.run(List.of(file), URLS, null);

        assertThat(lines(result.report(), ImportReport.Kind.UNSUPPORTED)).isEmpty();
        assertThat(result.config().backend("regional-pool").pool().services()).extracting(m -> m.backendId() + "@" + m.priority())
                .containsExactly("func-primary@1", "func-secondary@2");
        assertThat(result.config().apis()).extracting(ApiConfig::backendId).containsExactly("regional-pool");
    }

    @Test
    void anApiPathFromAParameterIsEvaluatedNotTakenAsText(@TempDir Path dir) throws Exception {
        ApimImporter.Result result = importEdited(dir, template -> template
                .replace("\"parameters\": {", "\"parameters\": { \"apiPath\": { \"type\": \"string\", \"defaultValue\": \"resilient\" },")
                .replace("\"path\": \"resilient-api\"", "\"path\": \"[concat(parameters('apiPath'), '-api')]\""));

        assertThat(result.config().apis()).extracting(ApiConfig::path).containsExactly("/resilient-api");
    }

    @Test
    void anApiWhosePathCannotBeEvaluatedIsLeftOutNotImportedAtTheRoot(@TempDir Path dir) throws Exception {
        ApimImporter.Result result = importEdited(dir, template -> template
                .replace("\"path\": \"resilient-api\"", "\"path\": \"[concat(parameters('apiPath'), '-api')]\""));

        // At "/" it would have taken every request the gateway serves.
        assertThat(result.config().apis()).isEmpty();
        assertThat(lines(result.report(), ImportReport.Kind.UNSUPPORTED)).anySatisfy(line -> assertThat(line)
                .contains("api resilient-api: its path could not be evaluated (reported at its JSON path); left out"));
    }

    /** A template with an api {@code items} on a base URL and one operation {@code get-item} with {@code operation} as properties. */
    private static ApimImporter.Result withOperation(Path dir, String operation) throws Exception {
        String policy = "<policies><inbound><base /><set-header name=\\\"X-Op\\\"><value>get</value></set-header></inbound></policies>";
        Path template = Files.writeString(dir.resolve(EDITED), """
                { "parameters": { "verb": { "type": "string", "defaultValue": "get" } },
                  "resources": [
                  { "type": "Microsoft.ApiManagement/service/apis", "name": "svc/items",
                    "properties": { "path": "items", "serviceUrl": "http://127.0.0.1:9" } },
                  { "type": "Microsoft.ApiManagement/service/apis/operations", "name": "svc/items/get-item", "properties": %s },
                  { "type": "Microsoft.ApiManagement/service/apis/operations/policies", "name": "svc/items/get-item/policy",
                    "properties": { "format": "rawxml", "value": "%s" } } ] }
                """.formatted(operation, policy));
        return ApimImporter.run(List.of(template), Map.of(), null);
    }

    @Test
    void anOperationsMethodAndUrlTemplateFromArmExpressionsAreEvaluated(@TempDir Path dir) throws Exception {
        ApimImporter.Result result = withOperation(dir,
                "{ \"method\": \"[toUpper(parameters('verb'))]\", \"urlTemplate\": \"[concat('/things/', '{id}')]\" }");

        assertThat(lines(result.report(), ImportReport.Kind.UNSUPPORTED)).isEmpty();
        assertThat(result.config().apis().getFirst().rules().getFirst().when())
                .extracting(c -> c.expression() != null ? c.expression().text() : c.regex().pattern())
                .containsExactly("context.Request.Method == \"GET\"", "\\Q/items/things/\\E(?<id>[^/]+)");
    }

    @Test
    void anOperationsMethodOrUrlTemplateThatCannotBeEvaluatedIsAnErrorNamingItsJsonPath(@TempDir Path dir) throws Exception {
        ApimImporter.Result result = withOperation(dir,
                "{ \"method\": \"GET\", \"urlTemplate\": \"[uriComponent('/things')]\" }");

        assertThat(lines(result.report(), ImportReport.Kind.UNSUPPORTED)).startsWith(
                dir.resolve(EDITED) + "#resources[1].properties.urlTemplate: urlTemplate: ARM function uriComponent() is not supported");
    }

    /** The failover template with {@code condition} on its global policy (resources[7]) and a bool parameter {@code withGlobal}. */
    private static ApimImporter.Result withGlobalPolicyCondition(Path dir, String condition) throws Exception {
        return importEdited(dir, template -> template
                .replace("\"parameters\": {", "\"parameters\": { \"withGlobal\": { \"type\": \"bool\", \"defaultValue\": false },")
                .replace("\"type\": \"Microsoft.ApiManagement/service/policies\",", "\"type\": \"Microsoft.ApiManagement/service/policies\", "
                        + "\"condition\": " + condition + ","));
    }

    @Test
    void aResourceWhoseConditionIsFalseIsNotImportedAndTheReportSaysSo(@TempDir Path dir) throws Exception {
        for (String condition : List.of("false", "\"[parameters('withGlobal')]\"", "\"[toLower('False')]\"")) {
            ApimImporter.Result result = withGlobalPolicyCondition(dir, condition);

            assertThat(lines(result.report(), ImportReport.Kind.UNSUPPORTED)).as(condition).isEmpty();
            assertThat(lines(result.report(), ImportReport.Kind.WARNING)).as(condition)
                    .noneMatch(line -> line.contains("rate-limit"))
                    .contains(dir.resolve(EDITED) + "#resources[7].condition: resource Microsoft.ApiManagement/service/policies: "
                            + "not imported: its condition is false, so ARM does not deploy it");
        }
        assertThat(lines(withGlobalPolicyCondition(dir, "true").report(), ImportReport.Kind.WARNING)).anyMatch(line -> line.contains("rate-limit"));
    }

    @Test
    void aResourceConditionThatCannotBeEvaluatedIsAnErrorNamingItsJsonPath(@TempDir Path dir) throws Exception {
        ApimImporter.Result result = withGlobalPolicyCondition(dir, "\"[equals(parameters('withGlobal'), 'yes')]\"");

        assertThat(lines(result.report(), ImportReport.Kind.UNSUPPORTED)).containsExactly(dir.resolve(EDITED)
                + "#resources[7].condition: resource Microsoft.ApiManagement/service/policies: condition "
                + "[equals(parameters('withGlobal'), 'yes')] cannot be evaluated: ARM function equals() is not supported; not imported");
        assertThat(lines(withGlobalPolicyCondition(dir, "\"maybe\"").report(), ImportReport.Kind.UNSUPPORTED)).containsExactly(
                dir.resolve(EDITED) + "#resources[7].condition: resource Microsoft.ApiManagement/service/policies: condition maybe "
                        + "cannot be evaluated: it is neither true nor false; not imported");
    }

    @Test
    void anApiSectionWithoutBaseSaysWhichGlobalStatementsItLeavesOut(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(EDITED);
        ApimImporter.Result result = importEdited(dir, template -> template.replace("<inbound>\\n    <base />\\n    <set-backend", "<inbound>\\n    <set-backend"));

        // As in APIM, the global rate-limit does not apply to this api; the report says so instead of dropping it unseen.
        assertThat(lines(result.report(), ImportReport.Kind.WARNING)).noneMatch(line -> line.contains("rate-limit: shown"))
                .contains(file + "#resources[6].properties.value:2:3: inbound: has no <base/>, so the global policy's inbound statements "
                        + "(rate-limit at " + file + "#resources[7].properties.value:4:3) do not apply to api resilient-api, as in APIM");
        assertThat(lines(result.report(), ImportReport.Kind.UNSUPPORTED)).isEmpty();
    }

    @Test
    void aPoolUsingApimsWholePriorityRangeZeroToHundredKeepsItsOrder(@TempDir Path dir) throws Exception {
        ApimImporter.Result result = importEdited(dir, template -> template
                .replace("parameters('primaryFunction'))]\", \"priority\": 1 }", "parameters('primaryFunction'))]\", \"priority\": 0 }")
                .replace("parameters('secondaryFunction'))]\", \"priority\": 2 }", "parameters('secondaryFunction'))]\", \"priority\": 100 }"));

        assertThat(lines(result.report(), ImportReport.Kind.UNSUPPORTED)).isEmpty();
        assertThat(result.config().backend("regional-pool").pool().services()).extracting(m -> m.backendId() + "@" + m.priority())
                .containsExactly("func-primary@1", "func-secondary@2");
    }

    /** The failover template changed by {@code edit}, written to {@code dir}/{@value EDITED} and imported. */
    private static ApimImporter.Result importEdited(Path dir, UnaryOperator<String> edit) throws Exception {
        String template = edit.apply(Files.readString(Path.of("test-data/apim/failover-pool.arm.json")));
        return ApimImporter.run(List.of(Files.writeString(dir.resolve(EDITED), template)), URLS, null);
    }

    /** What the import reports as not carried over when the failover template is changed by {@code edit}. */
    private static List<String> unsupportedAfter(Path dir, UnaryOperator<String> edit) throws Exception {
        return lines(importEdited(dir, edit).report(), ImportReport.Kind.UNSUPPORTED);
    }

    /** The failover template with the retry's attributes {@code count="3" interval="1" first-fast-retry="true"} replaced. */
    private static ApimImporter.Result withRetryAttributes(Path dir, String attributes) throws Exception {
        return importEdited(dir, template -> template
                .replace("count=\\\"3\\\" interval=\\\"1\\\" first-fast-retry=\\\"true\\\"", attributes.replace("\"", "\\\"")));
    }

    @Test
    void aRetryCountOutsideApimsRangeIsReportedAtTheRetryAndTheApiStays(@TempDir Path dir) throws Exception {
        ApimImporter.Result result = withRetryAttributes(dir, "count=\"0\" interval=\"1\"");

        assertThat(lines(result.report(), ImportReport.Kind.UNSUPPORTED)).containsExactly(
                dir.resolve(EDITED) + "#resources[6].properties.value:8:5: retry: count must be between 1 and 50, as in APIM; found 0");
        assertThat(result.config().apis()).extracting(ApiConfig::backendId).containsExactly("regional-pool");
    }

    @Test
    void retryWaitsOutsideApimsOrTheGatewaysLimitsAreReportedAtTheRetryAndTheApiStays(@TempDir Path dir) throws Exception {
        String at = dir.resolve(EDITED) + "#resources[6].properties.value:8:5: retry: ";
        // APIM documents delta and max-interval as positive numbers; the loader refused 0 and took the whole api out.
        assertThat(lines(withRetryAttributes(dir, "count=\"3\" interval=\"1\" delta=\"0\"").report(), ImportReport.Kind.UNSUPPORTED))
                .containsExactly(at + "delta must be a positive number of seconds, as in APIM; found 0");
        assertThat(lines(withRetryAttributes(dir, "count=\"3\" interval=\"10\" delta=\"1\" max-interval=\"5\"").report(),
                ImportReport.Kind.UNSUPPORTED)).containsExactly(at + "max-interval (5 s) must not be shorter than interval (10 s)");
        // A delta of 31 years: the 50th linear wait was imported and overflowed the gateway's timer when it came.
        ApimImporter.Result huge = withRetryAttributes(dir, "count=\"50\" interval=\"1\" delta=\"999999999\"");
        assertThat(lines(huge.report(), ImportReport.Kind.UNSUPPORTED)).containsExactly(at + "delta must be at most 31536000 seconds "
                + "(365 days), the longest wait the gateway takes; found 999999999");
        assertThat(theApiOnItsPool(huge).retry()).isNull();
    }

    /** The failover template's one api, checked to be imported on its pool whatever was reported. */
    private static ApiConfig theApiOnItsPool(ApimImporter.Result result) {
        assertThat(result.config().apis()).singleElement().extracting(ApiConfig::backendId).isEqualTo("regional-pool");
        return result.config().apis().getFirst();
    }

    @Test
    void aForwardTimeoutBeyondTheGatewaysLongestIsReportedAtItAndTheApiKeepsTheDefault(@TempDir Path dir) throws Exception {
        ApimImporter.Result result = importEdited(dir, template -> template.replace("timeout=\\\"60\\\"", "timeout=\\\"9000000000\\\""));

        assertThat(lines(result.report(), ImportReport.Kind.UNSUPPORTED)).singleElement().asString().endsWith("forward-request: "
                + "timeout must be at most 365 days, the longest the gateway takes; found 9000000000 s; the default applies");
        assertThat(theApiOnItsPool(result).retry()).as("the retry beside it still imports").isNotNull();
    }

    @Test
    void aRetryNumberThatIsNotOneSaysWhichAttributeItIs(@TempDir Path dir) throws Exception {
        ApimImporter.Result result = withRetryAttributes(dir, "count=\"3\" interval=\"1\" delta=\"x\"");

        assertThat(lines(result.report(), ImportReport.Kind.UNSUPPORTED)).containsExactly(
                dir.resolve(EDITED) + "#resources[6].properties.value:8:5: retry: delta must be a whole number of seconds, found x");
    }

    @Test
    void anAttributeAKnownElementDoesNotTakeIsReportedAtTheElementNotDropped(@TempDir Path dir) throws Exception {
        ApimImporter.Result result = withRetryAttributes(dir, "count=\"3\" interval=\"1\" first-fast-retyr=\"true\"");

        assertThat(lines(result.report(), ImportReport.Kind.UNSUPPORTED)).containsExactly(dir.resolve(EDITED)
                + "#resources[6].properties.value:8:5: retry: attribute first-fast-retyr is not one retry takes here "
                + "(condition, count, interval, max-interval, delta, first-fast-retry); left out");
        // The rest of the retry still translates, as the rest of a section does around an element that is not translated.
        assertThat(result.config().apis().getFirst().retry().count()).isEqualTo(3);
    }

    @Test
    void aFirstFastRetryThatIsNotABooleanIsReportedNotTakenAsFalse(@TempDir Path dir) throws Exception {
        ApimImporter.Result result = withRetryAttributes(dir, "count=\"3\" interval=\"1\" first-fast-retry=\"yes\"");

        assertThat(lines(result.report(), ImportReport.Kind.UNSUPPORTED)).containsExactly(
                dir.resolve(EDITED) + "#resources[6].properties.value:8:5: retry: first-fast-retry must be true or false, found yes");
    }

    @Test
    void aSectionApimDoesNotHaveIsReportedNotSkipped(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(EDITED);
        List<String> unsupported = unsupportedAfter(dir, template -> template
                .replace("<outbound>\\n    <base />\\n  </outbound>", "<outbund>\\n    <base />\\n  </outbund>"));

        assertThat(unsupported).containsExactly(file + "#resources[6].properties.value:12:3: "
                + "outbund: not a policy section (inbound, backend, outbound, on-error); left out");
    }

    @Test
    void aPolicyWhoseRootIsNotPoliciesIsReported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(EDITED);
        List<String> unsupported = unsupportedAfter(dir, template -> template
                .replace("\"value\": \"<policies>\\n  <inbound>\\n    <rate-limit", "\"value\": \"<policy>\\n  <inbound>\\n    <rate-limit")
                .replace("<on-error />\\n</policies>", "<on-error />\\n</policy>"));

        assertThat(unsupported).containsExactly(
                file + "#resources[7].properties.value:1:1: policy: a policy document is <policies>; nothing in it was read");
    }

    @Test
    void aSetBackendServiceWithBothBackendIdAndBaseUrlIsReported(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(EDITED);
        List<String> unsupported = unsupportedAfter(dir, template -> template
                .replace("backend-id=\\\"regional-pool\\\"", "backend-id=\\\"regional-pool\\\" base-url=\\\"http://127.0.0.1:9/\\\""));

        assertThat(unsupported).contains(
                file + "#resources[6].properties.value:4:5: set-backend-service: has both backend-id and base-url; give one");
    }

    @Test
    void aCopyUnmatchedParamsThatIsNotABooleanIsReportedNotTakenAsTrue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(EDITED);
        List<String> unsupported = unsupportedAfter(dir, template -> template
                .replace("template=\\\"api/ProcessRequestFunction\\\"", "template=\\\"api/ProcessRequestFunction\\\" copy-unmatched-params=\\\"no\\\""));

        assertThat(unsupported).containsExactly(
                file + "#resources[6].properties.value:5:5: rewrite-uri: copy-unmatched-params must be true or false, found no");
    }

    @Test
    void aNamedValueMissingEverywhereIsAnErrorNamingIt() throws ImportException {
        ApimImporter.Result result = ApimImporter.run(List.of(Path.of("test-data/apim/failover-pool.arm.json")),
                Map.of("func-primary-url", "http://127.0.0.1:1", "func-secondary-url", "http://127.0.0.1:2"), null);
        assertThat(result.report().complete()).isFalse();
        assertThat(lines(result.report(), ImportReport.Kind.UNSUPPORTED)).contains(
                "test-data/apim/failover-pool.arm.json#resources[3]: backend func-secondary: named value \"func-secondary-key\" is "
                        + "defined neither in --named-values nor in the input (hint: add it to the --named-values file)");
    }

    @Test
    void weightedRandomPolicyIsReportedWithPositionsAndThePoolHint() throws ImportException {
        ApimImporter.Result result = importOf("weighted-random.arm.json");
        assertThat(result.report().complete()).isFalse();
        String at = "test-data/apim/weighted-random.arm.json#resources[1].properties.value:";
        assertThat(lines(result.report(), ImportReport.Kind.UNSUPPORTED)).containsExactly(
                at + "4:5: set-variable: a multi-statement @{...} block is not translated (hint: use a pool (round-robin or weighted))",
                at + "13:5: set-backend-service: the backend is chosen by an expression: @((string)context.Variables[\"backendUrl\"]) "
                        + "(hint: use a pool (round-robin or weighted))",
                at + "14:5: cache-lookup-value: caching is not supported (hint: breakers and healthProbe track backend health natively)",
                at + "15:5: validate-jwt: not supported",
                at + "22:5: send-request: outbound policies (on the response) are not translated (hint: use a pool with priorities "
                        + "and a retry policy: the retry goes to another member)");
        // The rest still translates: the api keeps its serviceUrl as an implicit backend.
        assertThat(result.config().apis().getFirst().backendId()).isEqualTo("orders-primary-example-net");
    }

    @Test
    void operationsBecomeRulesTriedWithTheApisChooseFirst() throws ImportException {
        ApimImporter.Result result = importOf("region-routing.apiops");
        assertThat(result.report().complete()).isTrue();
        ApiConfig api = result.config().apis().getFirst();
        assertThat(api.rules()).extracting(r -> r.name() + "->" + r.backendId())
                .containsExactly("op-get-greeting+when-1->backend-weu", "op-get-greeting->null", "op-maintenance+when-1->backend-weu",
                        "op-maintenance->null", "when-1->backend-weu");
        assertThat(api.rules().getFirst().when()).extracting(c -> c.expression() != null ? c.expression().text() : c.regex().pattern())
                .containsExactly("context.Request.Method == \"GET\"", "\\Q/hello/greetings/\\E(?<name>[^/]+)",
                        "context.Deployment.Region == \"West Europe\"");
        assertThat(api.actions()).containsExactly(new RequestAction.SetValue(RequestAction.Target.QUERY, "code",
                dev.switchboard.config.ExistsAction.override, List.of("hello function key")));
        assertThat(result.report().entries()).anySatisfy(e -> {
            assertThat(e.target()).isEqualTo("apis[hello].rules[op-maintenance]");
            assertThat(e.source()).hasToString("region-routing.apiops/apis/hello/operations/maintenance/policy.xml:2:3");
        });
    }

    @Test
    void anElementTheLoaderRejectsIsTakenOutAloneAndReported(@TempDir Path dir) throws Exception {
        // "xml" format: the policy is escaped XML; the api-level rewrite has a placeholder no operation defines.
        String policy = "<policies><inbound><set-backend-service base-url=\\\"http://127.0.0.1:9\\\" />"
                + "<rewrite-uri template=\\\"/items/{id}\\\" /><set-header name=\\\"X-A\\\" exists-action=\\\"append\\\">"
                + "<value>1</value></set-header><choose><when condition=\\\"@(context.Request.Method == &quot;GET&quot;)\\\">"
                + "<set-header name=\\\"X-Get\\\"><value>yes</value></set-header></when></choose></inbound></policies>";
        Path template = dir.resolve("t.json");
        Files.writeString(template, """
                { "resources": [
                  { "type": "Microsoft.ApiManagement/service/apis", "name": "svc/items", "properties": { "path": "items" } },
                  { "type": "Microsoft.ApiManagement/service/apis/policies", "name": "svc/items/policy",
                    "properties": { "format": "xml", "value": "%s" } } ] }
                """.formatted(policy));
        ApimImporter.Result result = ApimImporter.run(List.of(template), Map.of(), null);
        assertThat(result.report().complete()).isFalse();
        assertThat(lines(result.report(), ImportReport.Kind.UNSUPPORTED)).containsExactly(template
                + "#resources[1].properties.value:1:73: rewrite-uri: not translated: apis[0].actions[0].template: placeholders such as "
                + "{id} need a rule with a path regex naming them");
        ApiConfig api = result.config().apis().getFirst();
        assertThat(api.actions()).extracting(RequestAction::type).containsExactly("setHeader");
        assertThat(api.rules()).singleElement().satisfies(r -> assertThat(r.when().getFirst().expression().text())
                .isEqualTo("context.Request.Method == \"GET\""));
    }

    @Test
    void aMalformedJsonFileInAnApiOpsFolderIsNamedWithItsLineAndColumn(@TempDir Path dir) throws Exception {
        Path folder = copyOf("failover-pool.apiops", dir);
        Path broken = folder.resolve("backends/func-primary/backendInformation.json");
        Files.writeString(broken, "{\n  \"properties\": {\n    \"url\": \"x\",,\n  }\n}\n");

        assertThatThrownBy(() -> ApimImporter.run(List.of(folder), URLS, null))
                .isInstanceOf(ImportException.class).hasMessageStartingWith(broken + ":3:");
    }

    @Test
    void aPolicyFileSavedWithAByteOrderMarkIsRead(@TempDir Path dir) throws Exception {
        Path folder = copyOf("failover-pool.apiops", dir);
        for (Path policy : List.of(folder.resolve("policy.xml"), folder.resolve("apis/resilient-api/policy.xml"))) {
            Files.writeString(policy, "\uFEFF" + Files.readString(policy));
        }

        ApimImporter.Result result = ApimImporter.run(List.of(folder), URLS, null);

        assertThat(ConfigWriter.toJson(result.config())).isEqualTo(ConfigWriter.toJson(importOf("failover-pool.apiops").config()));
    }

    @Test
    void aTemplateParameterNamedWithAnUnderscoreIsRewrittenAsInApim(@TempDir Path dir) throws Exception {
        Path folder = copyOf("region-routing.apiops", dir);
        Path operation = folder.resolve("apis/hello/operations/get-greeting");
        Files.writeString(operation.resolve("operationInformation.json"),
                Files.readString(operation.resolve("operationInformation.json")).replace("{name}", "{first_name}"));
        Files.writeString(operation.resolve("policy.xml"), Files.readString(operation.resolve("policy.xml")).replace("{name}", "{first_name}"));

        ApimImporter.Result result = ApimImporter.run(List.of(folder), URLS, null);

        assertThat(result.report().complete()).isTrue();
        ApiConfig api = result.config().apis().getFirst();
        assertThat(api.rules()).extracting(r -> r.name()).contains("op-get-greeting");
        RequestAction.RewriteUri rewrite = (RequestAction.RewriteUri) api.rules().stream().filter(r -> r.name().equals("op-get-greeting"))
                .findFirst().orElseThrow().actions().getFirst();
        assertThat(rewrite.template()).isEqualTo("/api/Hello/{firstx5fname}");
    }

    @Test
    void aSetBackendServiceAfterAChooseOverridesTheBackendsItsBranchesChose(@TempDir Path dir) throws Exception {
        Path folder = copyOf("region-routing.apiops", dir);
        Path policy = folder.resolve("apis/hello/policy.xml");
        // After the choose, every request goes to backend-eus in APIM: the last set-backend-service that runs wins.
        Files.writeString(policy, Files.readString(policy).replace("    </choose>\n", "    </choose>\n    <set-backend-service backend-id=\"backend-eus\" />\n"));

        ApimImporter.Result result = ApimImporter.run(List.of(folder), URLS, null);

        ApiConfig api = result.config().apis().getFirst();
        assertThat(api.backendId()).isEqualTo("backend-eus");
        assertThat(api.rules()).allSatisfy(rule -> assertThat(rule.backendId()).as(rule.name()).isNull());
        assertThat(lines(result.report(), ImportReport.Kind.TRANSLATED)).anyMatch(line -> line.contains("overrides the backend of when-1"));
    }

    @Test
    void apimsPriorityZeroIsTheBestGroupKeepingTheOrder(@TempDir Path dir) throws Exception {
        Path template = Files.writeString(dir.resolve("zero.arm.json"), Files.readString(Path.of("test-data/apim/failover-pool.arm.json"))
                .replace("\"priority\": 1 }", "\"priority\": 0 }").replace("\"priority\": 2 }", "\"priority\": 1 }"));

        ApimImporter.Result result = ApimImporter.run(List.of(template), URLS, null);

        assertThat(lines(result.report(), ImportReport.Kind.UNSUPPORTED)).isEmpty();
        assertThat(result.config().backend("regional-pool").pool().services()).extracting(m -> m.backendId() + "@" + m.priority())
                .containsExactly("func-primary@1", "func-secondary@2");
        assertThat(lines(result.report(), ImportReport.Kind.APPROXIMATED)).anyMatch(line -> line.contains("APIM priority 0"));
    }

    @Test
    void anInputThatIsNeitherTemplateNorFolderIsUnreadable() {
        assertThatThrownBy(() -> ApimImporter.run(List.of(Path.of("test-data/valid/round-robin.json")), Map.of(), null))
                .isInstanceOf(ImportException.class).hasMessageContaining("not an ARM template");
        assertThatThrownBy(() -> ApimImporter.run(List.of(Path.of("test-data/apim/no-such.json")), Map.of(), null))
                .isInstanceOf(ImportException.class).hasMessageStartingWith("cannot read");
    }
}
