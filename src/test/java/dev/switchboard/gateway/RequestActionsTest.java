package dev.switchboard.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Credentials, request actions, expression conditions and retry conditions on a real gateway over loopback. */
class RequestActionsTest {

    private static final String CONFIG = """
            {
              "gateway": { "region": "westeurope" },
              "diagnostics": true,
              "backends": {
                "eu": { "url": "http://${eu}/api", "credentials": { "header": { "x-functions-key": ["eu-secret"] }, "query": { "code": ["k 1"] } } },
                "us": { "url": "http://${us}/api", "credentials": { "header": { "x-other-key": ["us-secret"] } } },
                "pool": { "type": "Pool", "pool": { "services": [ { "id": "eu", "priority": 1 }, { "id": "us", "priority": 2 } ] } }
              },
              "apis": [ {
                "name": "orders", "path": "/orders", "backendId": "us",
                "actions": [ { "type": "setHeader", "name": "X-Added", "existsAction": "override", "values": ["a", "b"] },
                             { "type": "setHeader", "name": "X-Kept", "existsAction": "skip", "values": ["gateway"] },
                             { "type": "setHeader", "name": "X-Gone", "existsAction": "delete" },
                             { "type": "setQueryParameter", "name": "v", "existsAction": "override", "values": ["2"] } ],
                "rules": [
                  { "name": "closed", "when": [ { "source": "header", "name": "X-Closed", "exists": true } ],
                    "actions": [ { "type": "returnResponse", "status": 503, "reason": "Closed", "headers": { "Content-Type": ["text/plain"] }, "body": "closed today" } ] },
                  { "name": "item", "when": [ { "source": "path", "regex": "/orders/(?<id>[0-9]+)" },
                      { "expression": "context.Deployment.Region == \\"westeurope\\" && context.Request.Method == \\"GET\\"" } ],
                    "backendId": "eu",
                    "actions": [ { "type": "rewriteUri", "template": "/items/{id}/detail?src=gw", "copyUnmatchedParams": true } ] }
                ]
              }, {
                "name": "retried", "path": "/retried", "backendId": "pool",
                "retry": { "condition": "context.Response == null || context.Response.StatusCode == 418", "count": 2, "interval": "PT0S" }
              } ]
            }
            """;

    private final GatewayHarness h = new GatewayHarness().sims("eu", "us");

    @AfterEach
    void close() {
        h.close();
    }

    private HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(h.uri(path)).timeout(Duration.ofSeconds(20))
                .header("X-Sim-Echo", "x-functions-key, x-other-key, X-Added, X-Kept, X-Gone");
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return h.send(b.build());
    }

    @Test
    void apiActionsChangeHeadersAndQueryAndCredentialsGoToTheirBackendOnly() {
        h.start(CONFIG);
        HttpResponse<String> r = get("/orders/list?v=1&x=y", "X-Kept", "client", "X-Gone", "bye");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Sim-Backend")).contains("us");
        assertThat(r.headers().firstValue("X-Sim-Path")).contains("/api/list?v=2&x=y");
        assertThat(r.headers().firstValue("X-Sim-Seen-X-Added")).contains("a, b");
        assertThat(r.headers().firstValue("X-Sim-Seen-X-Kept")).contains("client");
        assertThat(r.headers().firstValue("X-Sim-Seen-X-Gone")).isEmpty();
        assertThat(r.headers().firstValue("X-Sim-Seen-x-other-key")).contains("us-secret");
        assertThat(r.headers().firstValue("X-Sim-Seen-x-functions-key")).isEmpty();
    }

    @Test
    void expressionConditionOnRegionAndMethodPicksTheRuleWhichRewritesWithThePathGroup() {
        h.start(CONFIG);
        HttpResponse<String> r = get("/orders/42?x=y");
        assertThat(r.headers().firstValue("X-Sim-Backend")).contains("eu");
        assertThat(r.headers().firstValue("X-Sim-Path")).contains("/api/items/42/detail?src=gw&x=y&v=2&code=k%201");
        assertThat(r.headers().firstValue("X-Sim-Seen-x-functions-key")).contains("eu-secret");

        HttpResponse<String> post = h.post("/orders/42", "body");
        assertThat(post.headers().firstValue("X-Sim-Backend")).contains("us");
    }

    @Test
    void theSameRuleDoesNotMatchInAnotherRegion() {
        h.start(CONFIG.replace("\"region\": \"westeurope\"", "\"region\": \"eastus\""));
        assertThat(get("/orders/42").headers().firstValue("X-Sim-Backend")).contains("us");
    }

    @Test
    void returnResponseAnswersWithoutABackend() {
        h.start(CONFIG);
        HttpResponse<String> r = get("/orders/1", "X-Closed", "1");
        assertThat(r.statusCode()).isEqualTo(503);
        assertThat(r.body()).isEqualTo("closed today");
        assertThat(r.headers().firstValue("Content-Type")).contains("text/plain");
        assertThat(h.sim("eu").counters().requests() + h.sim("us").counters().requests()).isZero();

        // A body the client still sends is read and dropped; the connection carries the next request.
        HttpResponse<String> withBody = h.send(HttpRequest.newBuilder(h.uri("/orders/1")).header("X-Closed", "1")
                .POST(HttpRequest.BodyPublishers.ofString("x".repeat(100_000))).timeout(Duration.ofSeconds(20)).build());
        assertThat(withBody.statusCode()).isEqualTo(503);
        assertThat(get("/orders/list").statusCode()).isEqualTo(200);
    }

    @Test
    void retryConditionSeesTheStatusAndTheMissingResponseAndCredentialsFollowTheAttempt() {
        h.sim("eu").setBehavior(h.sim("eu").behavior().withStatus(418));
        h.start(CONFIG);
        HttpResponse<String> r = get("/retried/x");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("X-Switchboard-Attempts")).contains("2");
        assertThat(r.headers().firstValue("X-Sim-Seen-x-other-key")).contains("us-secret");
        assertThat(r.headers().firstValue("X-Sim-Seen-x-functions-key")).isEmpty();

        h.sim("eu").setBehavior(h.sim("eu").behavior().withStatus(500));
        HttpResponse<String> notRetried = get("/retried/x");
        assertThat(notRetried.statusCode()).isEqualTo(500);
        assertThat(notRetried.headers().firstValue("X-Switchboard-Attempts")).contains("1");

        h.sim("eu").setBehavior(h.sim("eu").behavior().withStatus(200).withRefuseConnections(true));
        HttpResponse<String> noResponse = get("/retried/x");
        assertThat(noResponse.statusCode()).isEqualTo(200);
        assertThat(noResponse.headers().firstValue("X-Sim-Backend")).contains("us");
    }
}
