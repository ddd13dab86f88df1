package no.ks.ehelse.notification;

import org.junit.jupiter.api.Test;

import no.ks.ehelse.localstack.Architecture;

/** api and messaging call domain, infra implements what domain declares, no cycles (docs/architecture.md). */
class ArchitectureTest {

    @Test
    void theServiceHasTheSuiteShape() {
        Architecture.assertShape("no.ks.ehelse.notification");
    }
}
