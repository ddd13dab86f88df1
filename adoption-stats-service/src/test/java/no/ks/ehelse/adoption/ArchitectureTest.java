package no.ks.ehelse.adoption;

import org.junit.jupiter.api.Test;

import no.ks.ehelse.localstack.Architecture;

/** api, messaging, domain (and infra) as docs/architecture.md describes them, and no cycle between them. */
class ArchitectureTest {

    @Test
    void theServiceHasTheSuiteShape() {
        Architecture.assertShape("no.ks.ehelse.adoption");
    }
}
