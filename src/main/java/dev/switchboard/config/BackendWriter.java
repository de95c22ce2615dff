package dev.switchboard.config;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;

/** One backend of the config JSON in canonical form (see {@link ConfigWriter}): its breaker, pool and probe. */
final class BackendWriter extends JsonSectionWriter {

    BackendWriter(JsonGenerator out) {
        super(out);
    }

    void backend(BackendConfig backend) throws IOException {
        out.writeStartObject();
        out.writeStringField("type", backend.type().json());
        string("url", backend.url());
        string("description", backend.description());
        if (backend.circuitBreaker() != null) {
            out.writeObjectFieldStart("circuitBreaker");
            out.writeArrayFieldStart("rules");
            for (BreakerRule rule : backend.circuitBreaker().rules()) {
                breakerRule(rule);
            }
            out.writeEndArray();
            out.writeEndObject();
        }
        // The default scope is left out, so configs without fleets keep their canonical form and hash.
        if (backend.breakerScope() != null && backend.breakerScope().isQuorum()) {
            out.writeObjectFieldStart("breakerScope");
            out.writeNumberField("quorum", backend.breakerScope().quorum());
            out.writeEndObject();
        }
        if (backend.pool() != null) {
            pool(backend.pool());
        }
        if (backend.healthProbe() != null) {
            healthProbe(backend.healthProbe());
        }
        if (backend.slowStart() != null) {
            out.writeObjectFieldStart("slowStart");
            duration("duration", backend.slowStart().duration());
            out.writeNumberField("minWeightPercent", backend.slowStart().minWeightPercent());
            out.writeEndObject();
        }
        out.writeObjectFieldStart("tls");
        out.writeBooleanField("validateCertificateChain", backend.tls().validateCertificateChain());
        out.writeBooleanField("validateCertificateName", backend.tls().validateCertificateName());
        out.writeEndObject();
        if (backend.credentials() != null) {
            out.writeObjectFieldStart("credentials");
            namedValues("header", backend.credentials().header());
            namedValues("query", backend.credentials().query());
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    private void breakerRule(BreakerRule rule) throws IOException {
        out.writeStartObject();
        out.writeStringField("name", rule.name());
        FailureCondition condition = rule.failureCondition();
        out.writeObjectFieldStart("failureCondition");
        integer("count", condition.count());
        integer("percentage", condition.percentage());
        duration("interval", condition.interval());
        statusRanges("statusCodeRanges", condition.statusCodeRanges());
        errorReasons(condition.errorReasons());
        out.writeNumberField("minimumRequests", condition.minimumRequests());
        out.writeEndObject();
        duration("tripDuration", rule.tripDuration());
        out.writeBooleanField("acceptRetryAfter", rule.acceptRetryAfter());
        duration("maxTripDuration", rule.maxTripDuration());
        out.writeNumberField("halfOpenRequests", rule.halfOpenRequests());
        out.writeEndObject();
    }

    private void pool(PoolConfig pool) throws IOException {
        out.writeObjectFieldStart("pool");
        out.writeArrayFieldStart("services");
        for (PoolMember member : pool.services()) {
            out.writeStartObject();
            out.writeStringField("id", member.backendId());
            integer("weight", member.weight());
            integer("priority", member.priority());
            out.writeEndObject();
        }
        out.writeEndArray();
        if (pool.sessionAffinity() != null) {
            out.writeObjectFieldStart("sessionAffinity");
            out.writeObjectFieldStart("sessionId");
            out.writeStringField("source", pool.sessionAffinity().source().name());
            out.writeStringField("name", pool.sessionAffinity().name());
            out.writeEndObject();
            out.writeEndObject();
        }
        out.writeObjectFieldStart("whenAllUnavailable");
        out.writeStringField("action", pool.whenAllUnavailable().action().name());
        out.writeNumberField("statusCode", pool.whenAllUnavailable().statusCode());
        out.writeEndObject();
        if (pool.overprovisioningFactor() != null) {
            out.writeNumberField("overprovisioningFactor", pool.overprovisioningFactor());
        }
        if (pool.balancer() != Balancer.WEIGHTED) {
            out.writeStringField("balancer", pool.balancer().jsonName());
        }
        if (pool.spillWhenSlow() != null) {
            out.writeObjectFieldStart("spillWhenSlow");
            duration("latency", pool.spillWhenSlow().latency());
            out.writeEndObject();
        }
        out.writeEndObject();
    }

    private void healthProbe(HealthProbeConfig probe) throws IOException {
        out.writeObjectFieldStart("healthProbe");
        out.writeStringField("path", probe.path());
        duration("interval", probe.interval());
        duration("timeout", probe.timeout());
        out.writeNumberField("healthyThreshold", probe.healthyThreshold());
        out.writeNumberField("unhealthyThreshold", probe.unhealthyThreshold());
        statusRanges("expectedStatusCodeRanges", probe.expectedStatusCodeRanges());
        out.writeEndObject();
    }
}
