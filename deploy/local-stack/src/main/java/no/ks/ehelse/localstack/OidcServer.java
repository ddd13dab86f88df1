package no.ks.ehelse.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A real OpenID Connect server for the local run and the tests: NAV's {@code mock-oauth2-server} (built to stand in
 * for ID-porten and Azure AD), started as a process from the Maven Central jars in {@code target/lib}. One issuer,
 * {@value #ISSUER_ID}; its login page offers one button per {@link Persona}, whose claims the ID and access tokens
 * then carry. The machine client {@code nhn} gets its token by client credentials.
 *
 * <p>Tests and the token script take tokens from it through its real endpoints: {@link #token} signs in through
 * the login form and exchanges the code, {@link #machineToken} uses client credentials.
 */
public final class OidcServer implements AutoCloseable {

    public static final String ISSUER_ID = "ehelse";
    /** The client the token helpers use; any client id and secret is accepted by this server. */
    private static final String CLI_CLIENT = "ehelse-cli";

    private static final String READY = "OIDC_READY";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One person (or machine) to sign in as, with the claims the suite's roles depend on. */
    public record Persona(String username, String who, String role, Map<String, Object> claims) {

        /** The claims of the tokens: sub is the username, groups the role, plus name, e-mail and scope claims. */
        public Map<String, Object> tokenClaims() {
            Map<String, Object> all = new LinkedHashMap<>();
            all.put("groups", List.of(role));
            all.put("preferred_username", username + "@example.test");
            all.put("email", username + "@example.test");
            all.putAll(claims);
            return all;
        }
    }

    /** The personas of the local run and the browser tests (none of them a real person). */
    public static final List<Persona> PERSONAS = List.of(
            new Persona(
                    "kommune-4601",
                    "Kommunekontakt i Bergen (4601)",
                    "municipality",
                    Map.of("name", "Kommunekontakt Bergen", "kommunenummer", "4601")),
            new Persona(
                    "kommune-4602",
                    "Kommunekontakt i Kinn (4602)",
                    "municipality",
                    Map.of("name", "Kommunekontakt Kinn", "kommunenummer", "4602")),
            new Persona(
                    "leder",
                    "Innføringsleder for VKP og DigiHelse",
                    "lead",
                    Map.of("name", "Innføringsleder KS", "solutions", List.of("vkp", "digihelse"))),
            new Persona(
                    "nett-digi-vestland",
                    "Kontaktperson e-helse i Digi Vestland (Bergen, Kinn og de andre kommunene i Vestland)",
                    "network",
                    Map.of("name", "Kontaktperson e-helse Digi Vestland", "network", "digi-vestland")),
            new Persona("admin", "Administrator i KS", "admin", Map.of("name", "Administrator KS")),
            new Persona("leser", "Lesetilgang", "reader", Map.of("name", "Leser KS")));

    /** Machine clients: client id → role (client credentials grant). */
    public static final Map<String, String> MACHINE_CLIENTS = Map.of("nhn", "nhn");

    private final Process process;
    private final int port;
    private final Path log;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
    private final Map<String, Cached> tokens = new ConcurrentHashMap<>();

    private record Cached(String token, Instant fetched) {}

    private OidcServer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /**
     * Starts the server as a process (classpath: this module's {@code target/classes} and {@code target/lib}) on
     * a free port, its files under {@code dir}, its output in {@code logDir/oidc-<port>.log}; returns when ready.
     */
    public static OidcServer start(Path localStackModule, Path dir, Path logDir) {
        int port = KafkaBroker.freePort();
        Path target = localStackModule.resolve("target").toAbsolutePath();
        String classpath = target.resolve("classes") + java.io.File.pathSeparator + target.resolve("lib") + "/*";
        try {
            Files.createDirectories(logDir);
            Path log = logDir.resolve("oidc-" + port + ".log");
            ProcessBuilder builder = new ProcessBuilder(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-XX:+UseSerialGC",
                            "-Xmx96m",
                            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                            "-cp",
                            classpath,
                            OidcServer.class.getName(),
                            dir.toAbsolutePath().toString(),
                            Integer.toString(port))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            OidcServer server = new OidcServer(builder.start(), port, log);
            server.awaitReady(Duration.ofSeconds(60));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the OIDC server exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (Files.readString(log).contains(READY)) {
                    return;
                }
                Thread.sleep(100);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        close();
        throw new IllegalStateException("the OIDC server was not ready within " + timeout + "; see " + log);
    }

    /** The server's process id (its RSS for the benchmark's footprint). */
    public long pid() {
        return process.pid();
    }

    /** The issuer, as the services' {@code quarkus.oidc.auth-server-url}. */
    public String issuer() {
        return issuer(port);
    }

    static String issuer(int port) {
        return "http://127.0.0.1:" + port + "/" + ISSUER_ID;
    }

    public static Persona persona(String username) {
        return PERSONAS.stream()
                .filter(p -> p.username().equals(username))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no persona " + username));
    }

    /**
     * An access token for the given subject and claims, taken from the server as a browser would get it: the login
     * form posted to the authorization endpoint, then the code exchanged at the token endpoint. Kept for a minute,
     * so a test that makes many requests does not sign in for each.
     */
    public String token(String subject, Map<String, Object> claims) {
        String claimsJson = json(claims);
        String key = subject + " " + claimsJson;
        Cached cached = tokens.get(key);
        if (cached != null && cached.fetched().isAfter(Instant.now().minusSeconds(60))) {
            return cached.token();
        }
        String redirect = "http://127.0.0.1/callback";
        String authorize = issuer() + "/authorize?"
                + form(Map.of(
                        "client_id",
                        CLI_CLIENT,
                        "response_type",
                        "code",
                        "scope",
                        "openid",
                        "redirect_uri",
                        redirect,
                        "state",
                        "cli"));
        HttpResponse<String> login = post(authorize, form(Map.of("username", subject, "claims", claimsJson)));
        String location = login.headers().firstValue("Location").orElse("");
        Matcher code = Pattern.compile("[?&]code=([^&]+)").matcher(location);
        if (login.statusCode() != 302 || !code.find()) {
            throw new IllegalStateException(
                    "the OIDC server did not sign in " + subject + ": " + login.statusCode() + " " + login.body());
        }
        String token = accessToken(post(
                issuer() + "/token",
                form(Map.of(
                        "grant_type",
                        "authorization_code",
                        "code",
                        code.group(1),
                        "redirect_uri",
                        redirect,
                        "client_id",
                        CLI_CLIENT,
                        "client_secret",
                        "local"))));
        tokens.put(key, new Cached(token, Instant.now()));
        return token;
    }

    /** A token for a role, with extra claims (e.g. kommunenummer, solutions); the subject is {@code local-<role>}. */
    public String tokenForRole(String role, Map<String, Object> claims) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("groups", List.of(role));
        all.putAll(claims);
        Object sub = all.remove("sub");
        return token(sub == null ? "local-" + role : sub.toString(), all);
    }

    /** A persona's token, as if they had signed in on the login page. */
    public String personaToken(String username) {
        Persona persona = persona(username);
        return token(persona.username(), persona.tokenClaims());
    }

    /** A machine client's token by client credentials (e.g. {@code nhn}). */
    public String machineToken(String clientId) {
        return accessToken(post(
                issuer() + "/token",
                form(Map.of(
                        "grant_type",
                        "client_credentials",
                        "client_id",
                        clientId,
                        "client_secret",
                        "local",
                        "scope",
                        ISSUER_ID))));
    }

    private static String accessToken(HttpResponse<String> response) {
        try {
            if (response.statusCode() == 200) {
                return JSON.readTree(response.body()).path("access_token").asText();
            }
        } catch (JsonProcessingException e) {
            // reported below
        }
        throw new IllegalStateException(
                "the OIDC server gave no token: " + response.statusCode() + " " + response.body());
    }

    private HttpResponse<String> post(String url, String body) {
        try {
            return http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String form(Map<String, String> fields) {
        List<String> pairs = new ArrayList<>();
        fields.forEach((k, v) -> pairs.add(
                URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return String.join("&", pairs);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    public Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // --- the server process ------------------------------------------------------------------------------------

    /** The server's configuration: interactive login with our login page, the machine clients' claims. */
    static String config(Path loginPage) {
        List<Map<String, Object>> mappings = new ArrayList<>();
        MACHINE_CLIENTS.forEach((client, role) -> mappings.add(Map.of(
                "requestParam",
                "client_id",
                "match",
                client,
                "claims",
                Map.of("sub", client, "groups", List.of(role), "aud", List.of(ISSUER_ID)))));
        return json(Map.of(
                "interactiveLogin",
                true,
                "loginPagePath",
                loginPage.toAbsolutePath().toString(),
                "httpServer",
                "MockWebServerWrapper",
                "tokenCallbacks",
                List.of(Map.of("issuerId", ISSUER_ID, "tokenExpiry", 3600, "requestMappings", mappings))));
    }

    /**
     * The login page: one form per persona (a button posting its username and claims, so it works without
     * JavaScript), and a free form for any other username and claims.
     */
    static String loginPage() {
        StringBuilder buttons = new StringBuilder();
        for (Persona p : PERSONAS) {
            buttons.append("""
                    <li><form method="post">
                      <input type="hidden" name="username" value="%s">
                      <input type="hidden" name="claims" value="%s">
                      <button type="submit" name="persona" value="%s">%s</button>
                      <span>rolle <code>%s</code>, brukernavn <code>%s</code></span>
                    </form></li>
                    """.formatted(
                            html(p.username()),
                            html(json(p.tokenClaims())),
                            html(p.username()),
                            html(p.who()),
                            html(p.role()),
                            html(p.username())));
        }
        return """
                <!DOCTYPE html>
                <html lang="nb">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>Logg inn – lokal OIDC-server for e-helse</title>
                <style>
                  body { font-family: system-ui, sans-serif; max-width: 44rem; margin: 2rem auto; padding: 0 1rem;
                         color: #1e1e1e; line-height: 1.5; }
                  ul { list-style: none; padding: 0; }
                  li { margin: 0 0 .75rem; }
                  button { font: inherit; padding: .5rem 1rem; margin-right: .5rem; background: #0062ba; color: #fff;
                           border: 0; border-radius: 4px; cursor: pointer; }
                  button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #1e1e1e;
                           outline-offset: 2px; }
                  label { display: block; margin-top: .75rem; }
                  input[type=text], textarea { font: inherit; width: 100%%; box-sizing: border-box; }
                </style>
                </head>
                <body>
                <main>
                <h1>Logg inn</h1>
                <p>Dette er den lokale testserveren for innlogging. Velg hvem du vil logge inn som.</p>
                <h2>Personer</h2>
                <ul>
                %s</ul>
                <h2>Annen bruker</h2>
                <form method="post">
                  <label for="username">Brukernavn</label>
                  <input type="text" id="username" name="username" required>
                  <label for="claims">Claims (JSON), for eksempel {"groups": ["municipality"], "kommunenummer": "4601"}</label>
                  <textarea id="claims" name="claims" rows="4"></textarea>
                  <p><button type="submit">Logg inn</button></p>
                </form>
                </main>
                </body>
                </html>
                """.formatted(buttons);
    }

    private static String html(String text) {
        return text.replace("&", "&amp;")
                .replace("\"", "&quot;")
                .replace("<", "&lt;")
                .replace(">", "&gt;");
    }

    /**
     * Runs the server until SIGTERM/SIGINT. Arguments: a directory for its config and login page, the port.
     * Listens on 127.0.0.1 only; prints {@code OIDC_READY <issuer>} when it answers.
     */
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/oidc");
        int port = args.length > 1 ? Integer.parseInt(args[1]) : 8090;
        Files.createDirectories(dir);
        Path loginPage = dir.resolve("login.html");
        Files.writeString(loginPage, loginPage());
        String config = config(loginPage);
        Files.writeString(dir.resolve("config.json"), config);
        var server = new no.nav.security.mock.oauth2.MockOAuth2Server(
                no.nav.security.mock.oauth2.OAuth2Config.Companion.fromJson(config));
        server.start(InetAddress.getByName("127.0.0.1"), port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            server.shutdown();
                            stopped.countDown();
                        },
                        "oidc-server-shutdown"));
        System.out.println(READY + " " + issuer(port));
        stopped.await();
    }
}
