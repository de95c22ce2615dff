package dev.switchboard.cli;

import dev.switchboard.telemetry.server.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** The version for {@code --version}: the one Maven wrote at build time. */
public final class VersionProvider implements IVersionProvider {

    public static String version() {
        return BuildInfo.version();
    }

    @Override
    public String[] getVersion() {
        return new String[] {"switchboard " + version() + " (Java " + Runtime.version() + ")"};
    }
}
