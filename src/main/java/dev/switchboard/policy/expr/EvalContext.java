package dev.switchboard.policy.expr;

/**
 * What an expression may read of APIM's {@code context}. The gateway implements it over a request (and the
 * attempt's response, when there is one); nothing here knows HTTP libraries.
 */
public interface EvalContext {

    /** {@code context.Request.Headers}: the first value of the header, or null when absent. */
    String header(String name);

    /** {@code context.Request.Url.Query}: the first value of the query parameter, or null when absent. */
    String query(String name);

    /** {@code context.Request.Url.Path}. */
    String path();

    /** {@code context.Request.Url.QueryString}: "?a=b", or "" without a query. */
    String queryString();

    /** {@code context.Request.Method}. */
    String method();

    /** {@code context.Request.IpAddress}. */
    String ipAddress();

    /** {@code context.Response.StatusCode}; null when {@code context.Response} is null (no response yet or none came). */
    Integer responseStatus();

    /** {@code context.Deployment.Region}; null when the gateway has no region. */
    String region();

    /** {@code context.Variables[name]}; null when not set. */
    Object variable(String name);
}
