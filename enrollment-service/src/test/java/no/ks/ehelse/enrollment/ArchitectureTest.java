package no.ks.ehelse.enrollment;

import org.junit.jupiter.api.Test;

import no.ks.ehelse.localstack.Architecture;

/** api, messaging, domain and infra, with no cycle between them (docs/architecture.md, "Code layout"). */
class ArchitectureTest {

    @Test
    void theServiceHasTheSuiteShape() {
        Architecture.assertShape("no.ks.ehelse.enrollment");
    }
}
