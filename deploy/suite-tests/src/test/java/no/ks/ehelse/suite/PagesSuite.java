package no.ks.ehelse.suite;

/**
 * One suite for every browser test class in the test JVM ({@link Suite#startForPages}): starting the services, the
 * broker and the OIDC server takes most of a browser test's time, and the classes do not get in each other's way
 * (each has its own browser, and so its own sessions). Closed by the suite's shutdown hook when the JVM ends.
 */
final class PagesSuite {

    private static Suite suite;

    private PagesSuite() {}

    static synchronized Suite get() {
        if (suite == null) {
            suite = Suite.startForPages("pages");
        }
        return suite;
    }
}
