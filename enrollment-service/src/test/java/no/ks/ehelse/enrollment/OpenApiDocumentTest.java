package no.ks.ehelse.enrollment;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import no.ks.ehelse.localstack.OpenApiDocuments;

/** The API's document: committed copies as served, an operationId on every operation. */
@QuarkusTest
class OpenApiDocumentTest {

    @Test
    void committedCopiesInDocsApiAreWhatTheServiceServes() {
        OpenApiDocuments.assertCommittedCopiesAreCurrent("enrollment-service");
    }

    @Test
    void everyOperationHasAUniqueCamelCaseOperationId() {
        OpenApiDocuments.assertOperationIds();
    }
}
