package dev.switchboard.config.binding;

import dev.switchboard.config.ErrorReason;
import dev.switchboard.config.StatusCodeRange;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code statusCodeRanges} + {@code errorReasons} pair that breaker conditions and retry policies share.
 *
 * @param statusCodeRanges statuses that match
 * @param errorReasons     transport errors that match
 */
record FailureMatch(List<StatusCodeRange> statusCodeRanges, Set<ErrorReason> errorReasons) {

    static final List<String> FIELDS = List.of("statusCodeRanges", "errorReasons");

    /**
     * Reads both fields; when neither matches anything (and neither was malformed) reports that the object is
     * useless, with {@code consequence} saying why, e.g. "nothing counts as a failure".
     */
    static FailureMatch read(FieldReader in, String consequence) {
        int problemsBefore = in.context().problemCount();
        List<StatusCodeRange> ranges = in.objects("statusCodeRanges", new StatusCodeRangeBinder());
        List<ErrorReason> reasons = in.choices("errorReasons", List.of(ErrorReason.values()), ErrorReason::name);
        if (ranges.isEmpty() && reasons.isEmpty() && in.context().problemCount() == problemsBefore) {
            in.problem("needs \"statusCodeRanges\" or \"errorReasons\"; without them " + consequence);
        }
        Set<ErrorReason> reasonSet = reasons.isEmpty() ? Set.of() : EnumSet.copyOf(reasons);
        return new FailureMatch(ranges, reasonSet);
    }
}
