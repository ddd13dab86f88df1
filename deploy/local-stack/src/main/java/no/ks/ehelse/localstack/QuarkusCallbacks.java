package no.ks.ehelse.localstack;

import io.quarkus.test.junit.callback.QuarkusTestAfterAllCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestContext;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/**
 * Quarkus runs these around every {@code @QuarkusTest} of a service that has local-stack on its test classpath
 * (registered in META-INF/services), in the class loader the tests use, so REST Assured's global filters set here
 * are the tests' own.
 */
public final class QuarkusCallbacks {

    private QuarkusCallbacks() {}

    /** Before each test: the OpenAPI check is in place. */
    public static final class InstallContract implements QuarkusTestBeforeEachCallback {
        @Override
        public void beforeEach(QuarkusTestMethodContext context) {
            OpenApiContract.install();
        }
    }

    /** After each test class: the running count of checked responses. */
    public static final class ReportContract implements QuarkusTestAfterAllCallback {
        @Override
        public void afterAll(QuarkusTestContext context) {
            OpenApiContract.report();
        }
    }
}
