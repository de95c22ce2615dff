package dev.switchboard.rehearsal;

import dev.switchboard.config.GatewayConfig;
import dev.switchboard.engine.Engine;

/**
 * What every part of one rehearsal shares: the virtual clock, the engine running on it, the simulated backends and
 * the recorder.
 *
 * @param apim true for APIM's semantics (an exhausted pool's 503 carries no Retry-After)
 */
record RehearsalRun(VirtualTime time, GatewayConfig config, Engine engine, SimulatedBackends backends,
                    RehearsalRecorder recorder, boolean apim) {
}
