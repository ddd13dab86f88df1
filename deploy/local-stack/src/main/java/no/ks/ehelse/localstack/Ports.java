package no.ks.ehelse.localstack;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/** Free TCP ports for the processes the tests and the local run start (brokers, services, OIDC, SMTP, PostgreSQL). */
public final class Ports {

    /*
     * Below Linux's ephemeral range (32768-60999 by default). A port the kernel hands out from that range (port 0)
     * is free only until the next outgoing connection: a Kafka client or a connection pool can take it before the
     * process it was meant for binds it, which showed as "Address already in use" for a service's management port.
     */
    private static final int FIRST = 20000;
    private static final int LAST = 32000;
    private static final Set<Integer> GIVEN = ConcurrentHashMap.newKeySet();

    private Ports() {}

    /** A port nobody listens on now and this JVM has not handed out before. */
    public static int free() {
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST);
            if (!GIVEN.add(port)) {
                continue;
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.setReuseAddress(false);
                socket.bind(new InetSocketAddress(port));
                return port;
            } catch (IOException taken) {
                // in use by another process: try another
            }
        }
        throw new IllegalStateException("no free port between " + FIRST + " and " + LAST);
    }
}
