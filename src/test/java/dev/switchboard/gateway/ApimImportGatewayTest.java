package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.switchboard.apim.ApimImporter;
import dev.switchboard.apim.ImportException;
import dev.switchboard.config.ConfigWriter;
import dev.switchboard.sim.SimBackend;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The seeds' APIM setups, imported from test-data/apim and run by a real gateway over loopback against simulated
 * backends: the behaviour must be the policy's. Named values carry the simulated backends' addresses.
 */
class ApimImportGatewayTest {

    private final GatewayHarness h = new GatewayHarness();

    @AfterEach
    void close() {
        h.close();
    }

    /** Imports {@code input} with each sim's URL as the named value {@code <sim>-url}, and starts the gateway on it. */
    private void importAndStart(String input, String region, Map<String, String> extra) throws ImportException {
        Map<String, String> namedValues = new HashMap<>(extra);
        h.sims.forEach((name, sim) -> namedValues.put(name + "-url", "http://127.0.0.1:" + sim.port()));
        ApimImporter.Result result = ApimImporter.run(List.of(Path.of("test-data/apim", input)), namedValues, region);
        assertThat(result.report().complete()).as(result.report().entries().toString()).isTrue();
        h.start(ConfigWriter.toJson(result.config()).replace("\"diagnostics\" : false", "\"diagnostics\" : true"));
    }

    private HttpResponse<String> send(String method, String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(h.uri(path)).timeout(Duration.ofSeconds(20))
                .header("X-Sim-Echo", "x-functions-key, X-Routed-By, X-Operation")
                .method(method, method.equals("POST") ? HttpRequest.BodyPublishers.ofString("[{\"order\":1}]") : HttpRequest.BodyPublishers.noBody());
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return h.send(b.build());
    }

    @ParameterizedTest
    @ValueSource(strings = {"failover-pool.arm.json", "failover-pool.apiops"})
    void failoverPoolRetriesOnTheOtherRegionThenItsBreakerKeepsTrafficThere(String input) throws ImportException {
        h.sims("func-primary", "func-secondary");
        SimBackend primary = h.sim("func-primary");
        primary.setBehavior(primary.behavior().withStatus(503));
        importAndStart(input, null, Map.of("func-secondary-key", "secondary-from-key-vault"));

        HttpResponse<String> first = send("POST", "/resilient-api/");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("X-Sim-Backend")).contains("func-secondary");
        assertThat(first.headers().firstValue("X-Sim-Path")).contains("/api/ProcessRequestFunction");
        assertThat(first.headers().firstValue("X-Sim-Seen-x-functions-key")).contains("secondary-from-key-vault");
        assertThat(first.headers().firstValue("X-Sim-Request-Body-Bytes")).contains("13");
        assertThat(Integer.parseInt(first.headers().firstValue("X-Switchboard-Attempts").orElseThrow())).isLessThanOrEqualTo(2);

        // The primary's 503s are breaker failures (502-504): three trip it, then it gets nothing for 30 s.
        for (int i = 0; i < 2; i++) {
            assertThat(send("POST", "/resilient-api/").statusCode()).isEqualTo(200);
        }
        assertThat(primary.counters().requests()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = send("POST", "/resilient-api/");
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.headers().firstValue("X-Switchboard-Attempts")).contains("1");
        }
        assertThat(primary.counters().requests()).isEqualTo(3);
    }

    @Test
    void headerBasedGeographicRoutingFollowsTheChoose() throws ImportException {
        h.sims("orders-eu", "orders-apac", "orders-us");
        importAndStart("geo-routing.arm.json", null, Map.of());

        assertThat(send("GET", "/orders/7", "X-Client-Region", "eu-west").headers().firstValue("X-Sim-Backend")).contains("orders-eu");
        assertThat(send("GET", "/orders/7", "X-Client-Region", "ap-south").headers().firstValue("X-Sim-Backend")).contains("orders-apac");
        HttpResponse<String> other = send("GET", "/orders/7", "X-Client-Region", "us-east");
        assertThat(other.headers().firstValue("X-Sim-Backend")).contains("orders-us");
        assertThat(other.headers().firstValue("X-Sim-Path")).contains("/7");
        assertThat(other.headers().firstValue("X-Sim-Seen-X-Routed-By")).contains("switchboard-import");
        assertThat(send("GET", "/orders/7").headers().firstValue("X-Sim-Backend")).contains("orders-us");
    }

    @Test
    void regionRoutingPicksTheSameRegionBackendAndOperationsRewriteAndAnswer() throws ImportException {
        h.sims("backend-weu", "backend-eus");
        importAndStart("region-routing.apiops", "West Europe", Map.of());

        HttpResponse<String> greeting = send("GET", "/hello/greetings/bob?lang=nl");
        assertThat(greeting.headers().firstValue("X-Sim-Backend")).contains("backend-weu");
        assertThat(greeting.headers().firstValue("X-Sim-Path")).contains("/api/Hello/bob?lang=nl&code=hello%20function%20key");
        assertThat(greeting.headers().firstValue("X-Sim-Seen-X-Operation")).contains("get-greeting");

        HttpResponse<String> maintenance = send("DELETE", "/hello/greetings");
        assertThat(maintenance.statusCode()).isEqualTo(503);
        assertThat(maintenance.headers().firstValue("Retry-After")).contains("120");
        assertThat(maintenance.body()).isEqualTo("greetings cannot be deleted during maintenance");

        // The retry condition holds for a 404: one retry, then the 404 goes back.
        SimBackend weu = h.sim("backend-weu");
        weu.setBehavior(weu.behavior().withStatus(404));
        long before = weu.counters().requests();
        HttpResponse<String> missing = send("GET", "/hello/other");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.headers().firstValue("X-Switchboard-Attempts")).contains("2");
        assertThat(weu.counters().requests() - before).isEqualTo(2);
        assertThat(h.sim("backend-eus").counters().requests()).isZero();
    }

    @Test
    void theSameImportInAnotherRegionGoesToThatRegionsBackend() throws ImportException {
        h.sims("backend-weu", "backend-eus");
        importAndStart("region-routing.apiops", "East US", Map.of());
        assertThat(send("GET", "/hello/greetings/ann").headers().firstValue("X-Sim-Backend")).contains("backend-eus");
        assertThat(send("GET", "/hello/").headers().firstValue("X-Sim-Backend")).contains("backend-eus");
    }
}
