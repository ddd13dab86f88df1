package no.ks.ehelse.suite;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import no.ks.ehelse.localstack.EventProbe;
import no.ks.ehelse.localstack.ServiceProcess;

/**
 * Two instances of every service on one database per service and the three-broker cluster, restarted one
 * instance at a time (SIGTERM, the new one ready, then the next) under continuous load: contacts written to the
 * registry and enrollments over REST, spread over both instances by {@link Balancer}, and NHN events. Counted end
 * to end: every acknowledged write stored and its effect in the consuming service once, every event on its topic
 * once (the outbox relay is one writer at a time), each passed deadline announced once (the deadline watch).
 */
class RollingRestartIT {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static Suite suite;
    private static List<String> municipalities;

    @BeforeAll
    static void start() {
        suite = Suite.startOnKafkaCluster("rolling-restart");
        municipalities = suite.municipalities();
        assertEquals(357, municipalities.size());
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.close();
        }
    }

    @Test
    void rollingRestartOfEveryServiceLosesNoAcknowledgedWriteAndDoublesNoEffect() throws Exception {
        String track = suite.openTrack("sfm", "Samstemming av legemiddelopplysninger 2027", 400);
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        List<String> deadlineTracks = new ArrayList<>();
        for (String solution : List.of("pll", "provesvar", "e-meldinger")) {
            deadlineTracks.add(suite.openTrack(solution, "Frist " + solution, 50, tomorrow));
        }
        Nhn nhn = Nhn.stream("vkp", municipalities, 6_000, "alarmer", "2026-10", 11);
        long distinctNhn = nhn.events().stream().map(Nhn.Event::id).distinct().count();

        try (Balancer balancer = new Balancer();
                EventProbe probe = EventProbe.openFromBeginning(
                        suite.bootstrapServers(), "enrollment.enrollments.v1", "enrollment.tracks.v1")) {
            startReplicas(balancer);
            String admin = suite.token("admin", Map.of());
            Map<String, String> tokens = new ConcurrentHashMap<>();
            Map<String, String> contacts = new ConcurrentHashMap<>();
            Map<String, String> enrollments = new ConcurrentHashMap<>();
            List<String> failed = java.util.Collections.synchronizedList(new ArrayList<>());
            AtomicInteger refused = new AtomicInteger();
            AtomicBoolean loading = new AtomicBoolean(true);

            CompletableFuture<Void> contactLoad = CompletableFuture.runAsync(() -> {
                for (int i = 0; loading.get(); i++) {
                    String k = municipalities.get(i % municipalities.size());
                    String email = "rullering-" + i + "@" + k + ".kommune.example";
                    Balancer.Answer a = balancer.post(
                            "registry-service",
                            "/api/v1/municipalities/" + k + "/contacts",
                            admin,
                            "{\"role\": \"IT_CONTACT\", \"name\": \"IT\", \"email\": \"" + email + "\"}");
                    tally(a, "contact " + email, id -> contacts.put(id, email), failed, refused);
                    pause(150);
                }
            });
            CompletableFuture<Void> enrollmentLoad = CompletableFuture.runAsync(() -> {
                for (int i = 0; loading.get() && i < municipalities.size(); i++) {
                    String k = municipalities.get(i);
                    String token = tokens.computeIfAbsent(k, suite::municipality);
                    Balancer.Answer a = balancer.post(
                            "enrollment-service",
                            "/api/v1/tracks/" + track + "/enrollments",
                            token,
                            "{\"kommunenummer\": \"" + k + "\"}");
                    tally(a, "enrollment " + k, id -> enrollments.put(id, k), failed, refused);
                    pause(300);
                }
            });
            CompletableFuture<Void> nhnLoad = CompletableFuture.runAsync(() -> {
                List<Nhn.Event> all = nhn.events();
                for (int from = 0; from < all.size() && loading.get(); from += 300) {
                    nhn.sendTo(
                            suite.bootstrapServers(), Duration.ofSeconds(60), from, Math.min(all.size(), from + 300));
                    pause(2_000);
                }
            });

            // The deadline of three tracks passes for every enrollment-service instance, before and during the
            // restart; each new instance is given the same day as soon as it is ready.
            LocalDate later = tomorrow.plusDays(1);
            balancer.instancesOf("enrollment-service").forEach(p -> moveClock(balancer, p, admin, later));

            Instant started = Instant.now();
            List<String> restarts = new ArrayList<>();
            for (String service : Suite.SERVICES) {
                for (ServiceProcess old : balancer.instancesOf(service)) {
                    Instant t = Instant.now();
                    ServiceProcess fresh = restart(service, old, balancer);
                    if (service.equals("enrollment-service")) {
                        moveClock(balancer, fresh, admin, later);
                    }
                    restarts.add(
                            service + " " + Duration.between(t, Instant.now()).toSeconds() + " s");
                }
            }
            Duration rolling = Duration.between(started, Instant.now());
            loading.set(false);
            contactLoad.get();
            enrollmentLoad.get();
            nhnLoad.get();

            assertEquals(List.of(), failed, "writes that failed after they may have been sent");
            // Stored: every acknowledged contact in the registry, every acknowledged enrollment in its service.
            long storedContacts =
                    suite.count("registry-service", "SELECT count(*) FROM contact WHERE email LIKE 'rullering-%'");
            assertEquals(contacts.size(), storedContacts, "acknowledged contacts stored");
            long storedEnrollments = suite.count(
                    "enrollment-service", "SELECT count(*) FROM enrollment WHERE track_id = ?::uuid", track);
            assertEquals(enrollments.size(), storedEnrollments, "acknowledged enrollments stored");
            // Effects, once each: notification-service's contacts, adoption-stats' enrollments and NHN aggregates.
            await("notification-service to know every acknowledged contact")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> suite.count(
                                    "notification-service",
                                    "SELECT count(*) FROM contact WHERE email LIKE 'rullering-%'")
                            == contacts.size());
            await("adoption-stats to have every acknowledged enrollment")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> suite.count(
                                    "adoption-stats-service",
                                    "SELECT count(*) FROM enrollment WHERE track_id = ?::uuid",
                                    track)
                            == enrollments.size());
            await("adoption-stats to have applied every NHN event")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> suite.count(
                                    "adoption-stats-service",
                                    "SELECT count(*) FROM processed_event WHERE consumer = 'adoption-stats-service.nhn'")
                            == distinctNhn);
            await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() -> Suite.withoutNone(suite.levels("vkp"))
                    .equals(nhn.expectedLevels()));
            // The relay: each event once on its topic. The watch: each passed deadline announced once.
            await("enrollment-service's outbox to be empty")
                    .atMost(WAIT)
                    .pollInterval(Duration.ofMillis(250))
                    .until(() -> suite.unpublished("enrollment-service") == 0);
            List<EventProbe.Received> records = probe.drainToEnd(WAIT);
            Map<String, Integer> enrolled = new TreeMap<>();
            Map<String, Integer> byEventId = new HashMap<>();
            Map<String, Integer> deadlinePassed = new TreeMap<>();
            for (EventProbe.Received r : records) {
                if (r.value() == null) {
                    continue;
                }
                byEventId.merge(r.value().at("/id").asText(), 1, Integer::sum);
                if ("no.ks.ehelse.enrollment.enrolled.v1".equals(r.type())
                        && enrollments.containsKey(r.value().at("/data/id").asText())) {
                    enrolled.merge(r.value().at("/data/id").asText(), 1, Integer::sum);
                }
                if ("no.ks.ehelse.track.deadline-passed.v1".equals(r.type())) {
                    deadlinePassed.merge(r.key(), 1, Integer::sum);
                }
            }
            long eventsTwice = byEventId.values().stream().filter(n -> n > 1).count();
            System.out.printf(
                    "ROLLING RESTART: 8 instances restarted one at a time in %d s (%s); %d contacts and %d "
                            + "enrollments acknowledged, %d answered 503 and not acknowledged, %d connections "
                            + "refused and sent again, 0 failed; stored %d + %d; in notification-service %d contacts, "
                            + "in adoption-stats %d enrollments and %d of %d distinct NHN events (each once); "
                            + "enrollment-service's events on the topics %d, none twice (%d twice); deadline-passed "
                            + "per track %s%n",
                    rolling.toSeconds(),
                    String.join(", ", restarts),
                    contacts.size(),
                    enrollments.size(),
                    refused.get(),
                    balancer.refusedConnections.get(),
                    storedContacts,
                    storedEnrollments,
                    contacts.size(),
                    enrollments.size(),
                    distinctNhn,
                    distinctNhn,
                    byEventId.size(),
                    eventsTwice,
                    deadlinePassed);
            assertEquals(enrollments.keySet(), enrolled.keySet(), "every enrollment announced");
            assertTrue(enrolled.values().stream().allMatch(n -> n == 1), "each enrollment announced once");
            assertEquals(0, eventsTwice, "no event of enrollment-service on its topic twice");
            for (String t : deadlineTracks) {
                assertEquals(1, deadlinePassed.getOrDefault(t, 0), "deadline-passed of " + t + ": " + deadlinePassed);
            }
            assertTrue(contacts.size() > 50 && enrollments.size() > 50, "load throughout the restart");
        }
    }

    /** A second instance of every service, started together; both instances of each behind the balancer. */
    private static void startReplicas(Balancer balancer) {
        Map<String, CompletableFuture<ServiceProcess>> second = new HashMap<>();
        for (String service : Suite.SERVICES) {
            balancer.add(service, suite.instance(service));
            second.put(service, CompletableFuture.supplyAsync(() -> suite.startReplica(service)));
        }
        second.forEach((service, replica) -> balancer.add(service, replica.join()));
    }

    /** SIGTERM of one instance, then a new one started and ready before the caller goes on to the next. */
    private static ServiceProcess restart(String service, ServiceProcess old, Balancer balancer) {
        balancer.remove(service, old);
        ServiceProcess fresh;
        if (old == suite.instance(service)) {
            suite.stop(service);
            fresh = suite.startService(service);
        } else {
            old.close();
            fresh = suite.startReplica(service);
        }
        balancer.add(service, fresh);
        return fresh;
    }

    private static void moveClock(Balancer balancer, ServiceProcess instance, String admin, LocalDate day) {
        Balancer.Answer a = balancer.put(
                "enrollment-service",
                instance,
                "/api/v1/admin/clock",
                admin,
                "{\"now\": \"" + day.atTime(7, 0).toInstant(ZoneOffset.UTC) + "\"}");
        assertEquals(200, a.status(), a.body());
    }

    private static void tally(
            Balancer.Answer a,
            String what,
            java.util.function.Consumer<String> acknowledged,
            List<String> failed,
            AtomicInteger refused) {
        if (a.status() == 201) {
            try {
                acknowledged.accept(JSON.readTree(a.body()).path("id").asText());
            } catch (java.io.IOException e) {
                failed.add(what + ": unreadable 201 " + a.body());
            }
        } else if (a.status() == 503) {
            refused.incrementAndGet();
        } else {
            failed.add(what + ": " + a.status() + " " + a.body());
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
