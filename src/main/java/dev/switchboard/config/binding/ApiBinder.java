package dev.switchboard.config.binding;

import dev.switchboard.config.ApiConfig;
import dev.switchboard.config.RequestAction;
import dev.switchboard.config.TimeoutsConfig;
import java.util.List;

/** One entry of {@code apis}. Backend references are checked later, once every backend is known. */
final class ApiBinder implements Binder<ApiConfig> {

    static final String DEFAULT_PATH = "/";

    @Override
    public List<String> fields() {
        return List.of("name", "host", "path", "backendId", "rules", "retry", "timeouts", "maxBufferedBody",
                "preserveHost", "actions");
    }

    @Override
    public ApiConfig bind(FieldReader in) {
        String name = in.requiredString("name");
        String host = in.string("host");
        if (host != null && host.isBlank()) {
            in.problem("host", "must not be empty; leave \"host\" out to match any host");
        }
        String path = in.string("path");
        if (path != null && !path.startsWith("/")) {
            in.problem("path", "must start with \"/\", found \"" + path + "\"");
        }
        String backendId = in.requiredString("backendId");
        TimeoutsConfig timeouts = in.object("timeouts", new TimeoutsBinder());
        Long maxBufferedBody = in.whole("maxBufferedBody", 0, Long.MAX_VALUE);
        return new ApiConfig(name, host, path == null ? DEFAULT_PATH : path, backendId,
                in.objects("rules", new RouteRuleBinder()), in.object("retry", new RetryPolicyBinder()),
                timeouts == null ? TimeoutsConfig.DEFAULTS : timeouts,
                maxBufferedBody == null ? ApiConfig.DEFAULT_MAX_BUFFERED_BODY : maxBufferedBody,
                in.bool("preserveHost", false), actions(in));
    }

    /** The api's own actions; a rewrite-uri here has no path regex to take placeholders from. */
    private static List<RequestAction> actions(FieldReader in) {
        List<RequestAction> actions = RequestActionBinder.bindAll(in, "actions");
        for (RequestAction action : actions) {
            if (action instanceof RequestAction.RewriteUri rewrite && !rewrite.names().isEmpty()) {
                in.context().add(in.context().sources().problem(rewrite, "template",
                        "placeholders such as {" + rewrite.names().getFirst() + "} need a rule with a path regex naming them"));
            }
        }
        return actions;
    }
}
