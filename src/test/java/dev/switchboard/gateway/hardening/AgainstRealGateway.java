package dev.switchboard.gateway.hardening;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Gives each test a fresh {@link HardeningFixture}: a real gateway in front of a logging backend. */
abstract class AgainstRealGateway {

    protected HardeningFixture fixture;

    @BeforeEach
    void startGateway() throws Exception {
        fixture = new HardeningFixture();
    }

    @AfterEach
    void stopGateway() throws Exception {
        fixture.close();
    }
}
