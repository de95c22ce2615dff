package dev.switchboard.gateway;

/**
 * Why the gateway refuses a request before proxying it; carried as the failure cause of the request's decoder
 * result, so the frontend answers it in order with the requests pipelined before it, then closes.
 */
final class RejectedRequest extends RuntimeException {

    private final transient Problem problem;
    private final boolean headParsed;

    /** @param headParsed whether the request's method and target were read, so the access log can name them */
    RejectedRequest(Problem problem, boolean headParsed) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
        this.headParsed = headParsed;
    }

    Problem problem() {
        return problem;
    }

    boolean headParsed() {
        return headParsed;
    }
}
