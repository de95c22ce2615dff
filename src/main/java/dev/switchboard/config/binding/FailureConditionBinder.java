package dev.switchboard.config.binding;

import dev.switchboard.config.FailureCondition;
import java.util.List;
import java.util.stream.Stream;

/** APIM's {@code failureCondition}: exactly one of count and percentage, within a required interval. */
final class FailureConditionBinder implements Binder<FailureCondition> {

    @Override
    public List<String> fields() {
        return Stream.concat(Stream.of("count", "percentage", "interval", "minimumRequests"),
                FailureMatch.FIELDS.stream()).toList();
    }

    @Override
    public FailureCondition bind(FieldReader in) {
        Integer count = in.integer("count", 1, Integer.MAX_VALUE);
        Integer percentage = in.integer("percentage", 1, 100);
        if (in.has("count") && in.has("percentage")) {
            in.problem("percentage", "count and percentage are both set; a condition uses exactly one");
        } else if (!in.has("count") && !in.has("percentage")) {
            in.problem("needs \"count\" or \"percentage\" to know when to trip");
        }
        var interval = in.requiredPositiveDuration("interval");
        FailureMatch match = FailureMatch.read(in, "nothing counts as a failure");
        int minimumRequests = in.integer("minimumRequests", 1, Integer.MAX_VALUE, FailureCondition.DEFAULT_MINIMUM_REQUESTS);
        return new FailureCondition(count, percentage, interval, match.statusCodeRanges(), match.errorReasons(),
                minimumRequests);
    }
}
