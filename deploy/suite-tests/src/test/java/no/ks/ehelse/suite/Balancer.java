package no.ks.ehelse.suite;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import no.ks.ehelse.localstack.ServiceProcess;

/**
 * The test client in front of several instances of each service, as a Kubernetes Service is: it polls every
 * instance's readiness and sends a request only to one that is ready, so an instance shutting down (readiness
 * down first) gets no new requests. It retries only what HTTP allows for a POST: a connection refused, when
 * nothing was sent. Anything else that is not an answer counts as failed, its outcome unknown.
 */
public final class Balancer implements AutoCloseable {

    /** An answer, or {@code status} 0 when the request failed after it may have been sent. */
    public record Answer(int status, String body) {}

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();
    private final Map<String, List<ServiceProcess>> instances = new ConcurrentHashMap<>();
    private final Set<ServiceProcess> ready = ConcurrentHashMap.newKeySet();
    private final Thread poller;
    private volatile boolean open = true;
    public final AtomicInteger refusedConnections = new AtomicInteger();

    public Balancer() {
        poller = new Thread(this::poll, "balancer-readiness");
        poller.setDaemon(true);
        poller.start();
    }

    public void add(String service, ServiceProcess instance) {
        instances.computeIfAbsent(service, s -> new CopyOnWriteArrayList<>()).add(instance);
        ready.add(instance);
    }

    /** Takes an instance out before it is stopped for good (its readiness would say so within a poll anyway). */
    void remove(String service, ServiceProcess instance) {
        instances.get(service).remove(instance);
        ready.remove(instance);
    }

    public List<ServiceProcess> instancesOf(String service) {
        return List.copyOf(instances.get(service));
    }

    public Answer post(String service, String path, String token, String json) {
        return send(service, "POST", path, token, json);
    }

    /** A PUT to any ready instance, retried on another only when the connection was refused. */
    public Answer put(String service, String path, String token, String json) {
        return send(service, "PUT", path, token, json);
    }

    Answer put(String service, ServiceProcess instance, String path, String token, String json) {
        try {
            HttpResponse<String> r = http.send(
                    request(instance, path, token)
                            .PUT(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), r.body());
        } catch (IOException e) {
            return new Answer(0, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, e.toString());
        }
    }

    private Answer send(String service, String method, String path, String token, String json) {
        for (int attempt = 0; attempt < 200; attempt++) {
            ServiceProcess target = pick(service);
            if (target == null) {
                sleep(50);
                continue;
            }
            try {
                HttpResponse<String> r = http.send(
                        request(target, path, token)
                                .method(method, HttpRequest.BodyPublishers.ofString(json))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                return new Answer(r.statusCode(), r.body());
            } catch (ConnectException e) {
                // Nothing was sent: safe to try another instance.
                refusedConnections.incrementAndGet();
                ready.remove(target);
            } catch (IOException e) {
                return new Answer(0, target.url() + ": " + e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return new Answer(0, e.toString());
            }
        }
        return new Answer(0, "no instance of " + service + " took the connection");
    }

    private HttpRequest.Builder request(ServiceProcess target, String path, String token) {
        return HttpRequest.newBuilder(URI.create(target.url() + path))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json");
    }

    private ServiceProcess pick(String service) {
        List<ServiceProcess> candidates = instances.getOrDefault(service, List.of()).stream()
                .filter(ready::contains)
                .toList();
        return candidates.isEmpty()
                ? null
                : candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
    }

    private void poll() {
        while (open) {
            instances
                    .values()
                    .forEach(list -> list.forEach(instance -> {
                        if (readiness(instance) == 200) {
                            ready.add(instance);
                        } else {
                            ready.remove(instance);
                        }
                    }));
            sleep(100);
        }
    }

    private int readiness(ServiceProcess instance) {
        try {
            return http.send(
                            HttpRequest.newBuilder(URI.create(instance.managementUrl() + "/q/health/ready"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        open = false;
    }
}
