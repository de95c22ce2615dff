package dev.switchboard.gateway;

/**
 * Why the gateway refuses a request before proxying it; carried as the failure cause of the request's decoder
 * result, so the frontend answers it in order with the requests pipelined before it, then closes.
 */
final class RejectedRequest extends RuntimeException {

    private final transient Problem problem;

    RejectedRequest(Problem problem) {
        super(problem.detail(), null, false, false);
        this.problem = problem;
    }

    Problem problem() {
        return problem;
    }
}
