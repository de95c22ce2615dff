package dev.switchboard.config.binding;

import dev.switchboard.config.RetryPolicy;
import java.time.Duration;
import dev.switchboard.policy.expr.PolicyExpression;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/** APIM's {@code <retry>}: count and interval are required, as in APIM; delta and maxInterval pick the back-off. */
final class RetryPolicyBinder implements Binder<RetryPolicy> {

    static final int MAX_COUNT = 50;

    @Override
    public List<String> fields() {
        return Stream.concat(FailureMatch.FIELDS.stream(),
                Stream.of("condition", "count", "interval", "maxInterval", "delta", "firstFastRetry", "otherBackend")).toList();
    }

    @Override
    public RetryPolicy bind(FieldReader in) {
        PolicyExpression condition = ExpressionReader.read(in, "condition", PolicyExpression.RETRY_SCOPES);
        FailureMatch match = in.has("condition") ? new FailureMatch(List.of(), Set.of()) : FailureMatch.read(in, "nothing is retried");
        FailureMatch.FIELDS.stream().filter(f -> in.has("condition") && in.has(f)).forEach(f -> in.problem(f,
                "\"condition\" decides what is retried; remove \"" + f + "\" or the condition"));
        Integer count = in.requiredInteger("count", 1, MAX_COUNT);
        Duration interval = in.nonNegativeDuration("interval");
        if (!in.has("interval")) {
            in.missing("interval");
        }
        Duration delta = in.positiveDuration("delta");
        Duration maxInterval = in.positiveDuration("maxInterval");
        if (in.has("maxInterval") && !in.has("delta")) {
            in.problem("maxInterval", "needs \"delta\": maxInterval caps the exponential back-off, which grows by delta");
        }
        if (interval != null && maxInterval != null && maxInterval.compareTo(interval) < 0) {
            in.problem("maxInterval", "must not be shorter than interval (" + interval + ")");
        }
        return new RetryPolicy(match.statusCodeRanges(), match.errorReasons(), count == null ? 0 : count, interval,
                maxInterval, delta, in.bool("firstFastRetry", false), in.bool("otherBackend", true), condition);
    }
}
