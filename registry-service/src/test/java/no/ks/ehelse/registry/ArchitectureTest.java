package no.ks.ehelse.registry;

import org.junit.jupiter.api.Test;

import no.ks.ehelse.localstack.Architecture;

/** The registry keeps the shape of every service: api and domain, no cycle (docs/architecture.md). */
class ArchitectureTest {

    @Test
    void theRegistryHasTheShapeOfEveryService() {
        Architecture.assertShape("no.ks.ehelse.registry");
    }
}
