package no.ks.ehelse.localstack;

import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Where a {@code @QuarkusTest} finds the management interface (health, metrics, {@code /q/openapi}, Swagger UI):
 * on its own port, {@code quarkus.management.test-port}, which the tests set to 0 (a free port) and Quarkus
 * replaces by the port it bound.
 */
public final class Management {

    private Management() {}

    public static int port() {
        return ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
    }

    /** e.g. {@code http://localhost:41234}, for REST Assured's {@code baseUri}. */
    public static String url() {
        return "http://localhost:" + port();
    }
}
