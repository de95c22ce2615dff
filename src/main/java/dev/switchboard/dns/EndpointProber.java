package dev.switchboard.dns;

import java.util.concurrent.CompletionStage;

/** Runs monitor probes; the gateway's does real HTTP, HTTPS and TCP checks, tests answer as they like. */
@FunctionalInterface
public interface EndpointProber {

    /** Completes with the probe's result, within the monitor's timeout; never completes exceptionally. */
    CompletionStage<ProbeResult> probe(ProbeTask task);
}
