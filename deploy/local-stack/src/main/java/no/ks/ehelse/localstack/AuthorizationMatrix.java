package no.ks.ehelse.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The authorization matrix of docs/security.md, checked against a running service: the service's table there must
 * list exactly the operations of its OpenAPI document ({@code /q/openapi} on the management port), and every
 * operation is called with every role's real signed token (and none), expecting what the cell says:
 *
 * <ul>
 *   <li>{@code allow}: neither 401 nor 403 (a 2xx, or a domain 4xx such as 404, 409 or 422 from the test's input:
 *       what is checked is the authorization decision), and never a 5xx;
 *   <li>{@code refuse}: 403; in the {@code none} column (no token) 401;
 *   <li>{@code allow} in the {@code none} column: a public operation, let through without a token;
 *   <li>anything else is a scope, e.g. {@code own kommunenummer}: the role's token in scope is let through as
 *       {@code allow} is, and the same role's token for someone else is refused with 403, or with 404 where the
 *       cell says {@code 404} (existence hidden).
 * </ul>
 *
 * A service's test supplies path values, bodies and query strings that make a scoped call meaningful (a real
 * enrollment of the municipality in scope, a body naming it), and the scope of the tokens.
 */
public final class AuthorizationMatrix {

    public static final List<String> ROLES =
            List.of("admin", "lead", "municipality", "network", "nhn", "reader", "none");
    private static final Path SECURITY_DOC = Path.of("../docs/security.md");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final List<String[]> pathValues = new ArrayList<>();
    private final Map<String, String> bodies = new HashMap<>();
    private final Map<String, String> queries = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private String kommunenummer = "4601";
    private String otherKommunenummer = "3430";
    private List<String> solutions = List.of("vkp");
    private List<String> otherSolutions = List.of("kjernejournal");
    // Bergen (4601) and Kinn (4602) are in Digi Vestland; 3430 is in Digi Innlandet.
    private String network = "digi-vestland";
    private String otherNetwork = "digi-rogaland";
    private int calls;

    private AuthorizationMatrix(String service) {
        this.service = service;
    }

    public static AuthorizationMatrix of(String service) {
        return new AuthorizationMatrix(service);
    }

    /** The scope of the tokens in scope (municipality, lead) and of those outside it. */
    public AuthorizationMatrix scope(
            String kommunenummer, List<String> solutions, String otherKommunenummer, List<String> otherSolutions) {
        this.kommunenummer = kommunenummer;
        this.solutions = solutions;
        this.otherKommunenummer = otherKommunenummer;
        this.otherSolutions = otherSolutions;
        return this;
    }

    /** The network code of the network tokens in scope and of those outside it. */
    public AuthorizationMatrix networkScope(String network, String otherNetwork) {
        this.network = network;
        this.otherNetwork = otherNetwork;
        return this;
    }

    /** The value of a path parameter, e.g. {@code id}, in paths starting with {@code prefix} (longest wins). */
    public AuthorizationMatrix path(String prefix, String parameter, String value) {
        pathValues.add(new String[] {prefix, parameter, value, null});
        return this;
    }

    /** As {@link #path(String, String, String)}, for one role's calls only (e.g. the address in its own token). */
    public AuthorizationMatrix path(String role, String prefix, String parameter, String value) {
        pathValues.add(new String[] {prefix, parameter, value, role});
        return this;
    }

    /** The JSON body of an operation, e.g. {@code "POST /api/v1/tracks"}; others get {@code {}}. */
    public AuthorizationMatrix body(String operation, String json) {
        bodies.put(operation, json);
        return this;
    }

    /** A query string for an operation, e.g. {@code "kommunenummer=4601"}. */
    public AuthorizationMatrix query(String operation, String query) {
        queries.put(operation, query);
        return this;
    }

    /** A query string for one role's calls of an operation (in and outside its scope). */
    public AuthorizationMatrix query(String operation, String role, String query) {
        queries.put(role + " " + operation, query);
        return this;
    }

    /** Operations to call last, in this order (those that change or remove what other operations read). */
    public AuthorizationMatrix last(String... operations) {
        order.addAll(List.of(operations));
        return this;
    }

    /**
     * Checks the table against the OpenAPI document and calls everything; fails with every mismatch at once.
     * Answers the number of (operation × token) calls made.
     */
    public int check() {
        Map<String, Map<String, String>> table = table(service);
        Set<String> documented = operations(openApi());
        List<String> problems = new ArrayList<>();
        for (String op : documented) {
            if (!table.containsKey(op)) {
                problems.add(op + " is in the OpenAPI document but not in docs/security.md");
            }
        }
        for (String op : table.keySet()) {
            if (!documented.contains(op)) {
                problems.add(op + " is in docs/security.md but not in the OpenAPI document");
            }
        }
        List<String> ops = new ArrayList<>(table.keySet());
        ops.removeAll(order);
        ops.addAll(order.stream().filter(table::containsKey).toList());
        for (String op : ops) {
            if (documented.contains(op)) {
                checkOperation(op, table.get(op), problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new AssertionError(
                    service + ": " + problems.size() + " authorization mismatches\n  " + String.join("\n  ", problems));
        }
        return calls;
    }

    private void checkOperation(String op, Map<String, String> cells, List<String> problems) {
        // Refusals first, then callers outside their scope, then those let through (who may change the data).
        for (String role : ROLES) {
            String cell = cells.get(role);
            if (role.equals("none")) {
                if (cell.equals("allow")) {
                    // A public operation (no sign-in): let through without a token.
                    expect(op, role, role, null, null, problems);
                } else if (!cell.equals("refuse")) {
                    problems.add(op + ": the none column must be refuse (401) or allow (public), not " + cell);
                } else {
                    expect(op, role, role, null, Set.of(401), problems);
                }
            } else if (cell.equals("refuse")) {
                expect(op, role, role, token(role, true), Set.of(403), problems);
            }
        }
        for (String role : ROLES) {
            String cell = cells.get(role);
            if (!role.equals("none") && !cell.equals("allow") && !cell.equals("refuse")) {
                Set<Integer> outside =
                        cell.contains("filtered") ? Set.of(200) : cell.contains("404") ? Set.of(404) : Set.of(403);
                expect(op, role, role + " outside " + cell, token(role, false), outside, problems);
            }
        }
        for (String role : ROLES) {
            String cell = cells.get(role);
            if (!role.equals("none") && !cell.equals("refuse")) {
                expect(op, role, role + (cell.equals("allow") ? "" : " in " + cell), token(role, true), null, problems);
            }
        }
    }

    /** {@code expected} null: anything but 401, 403 or a 5xx. */
    private void expect(
            String op, String role, String who, String token, Set<Integer> expected, List<String> problems) {
        int status = call(op, role, token);
        calls++;
        boolean ok = expected == null ? status != 401 && status != 403 && status < 500 : expected.contains(status);
        if (!ok) {
            problems.add(op + " as " + who + ": " + status + ", expected "
                    + (expected == null ? "neither 401, 403 nor 5xx" : expected));
        }
    }

    private String token(String role, boolean inScope) {
        Map<String, Object> claims = new HashMap<>();
        if (!inScope) {
            claims.put("upn", "other-" + role + "@example.test");
            claims.put("sub", "other-" + role);
        }
        if (role.equals("municipality")) {
            claims.put("kommunenummer", inScope ? kommunenummer : otherKommunenummer);
        }
        if (role.equals("lead")) {
            claims.put("solutions", inScope ? solutions : otherSolutions);
        }
        if (role.equals("network")) {
            claims.put("network", inScope ? network : otherNetwork);
        }
        return TestTokens.forRole(role, claims);
    }

    private int call(String op, String role, String token) {
        String method = op.substring(0, op.indexOf(' '));
        String template = op.substring(op.indexOf(' ') + 1);
        String query = queries.getOrDefault(role + " " + op, queries.get(op));
        String url = apiUrl() + fill(template, role) + (query != null ? "?" + query : "");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json, text/csv;q=0.5, */*;q=0.1");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (method.equals("GET") || method.equals("DELETE")) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(bodies.getOrDefault(op, "{}")));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(op, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    // HTTP/1.1: the JDK client's default HTTP/2 upgrade over plain http misreads a large answer now and then
    // ("Frame type(116) ... exceeds MAX_FRAME_SIZE"), which made the matrix test flaky.
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private String fill(String template, String role) {
        String path = template;
        int start;
        while ((start = path.indexOf('{')) >= 0) {
            int end = path.indexOf('}', start);
            String name = path.substring(start + 1, end);
            path = path.substring(0, start) + value(template, name, role) + path.substring(end + 1);
        }
        return path;
    }

    private String value(String template, String name, String role) {
        String best = null;
        int length = -1;
        for (String[] v : pathValues) {
            boolean forRole = v[3] == null || v[3].equals(role);
            // A value for this role beats a general one of the same prefix.
            int weight = v[0].length() * 2 + (v[3] == null ? 0 : 1);
            if (forRole && v[1].equals(name) && template.startsWith(v[0]) && weight > length) {
                best = v[2];
                length = weight;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("no value for {" + name + "} in " + template);
        }
        return best;
    }

    private static String apiUrl() {
        return "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    }

    private static JsonNode openApi() {
        HttpRequest request = HttpRequest.newBuilder(URI.create(Management.url() + "/q/openapi?format=json"))
                .header("Accept", "application/json")
                .build();
        try {
            return JSON.readTree(
                    HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** {@code METHOD path} of every operation of an OpenAPI document. */
    static Set<String> operations(JsonNode openApi) {
        Set<String> operations = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = openApi.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (Set.of("get", "put", "post", "delete", "patch", "head", "options")
                        .contains(method)) {
                    operations.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey());
                }
            }
        }
        return operations;
    }

    /**
     * The service's table in docs/security.md: the first Markdown table after the heading {@code ### <service>},
     * operation → role → cell.
     */
    public static Map<String, Map<String, String>> table(String service) {
        List<String> lines;
        try {
            lines = Files.readAllLines(SECURITY_DOC);
        } catch (IOException e) {
            throw new UncheckedIOException("docs/security.md (from the module directory)", e);
        }
        int i = lines.indexOf("### " + service);
        if (i < 0) {
            throw new AssertionError("docs/security.md has no section ### " + service);
        }
        while (i < lines.size() && !lines.get(i).startsWith("|")) {
            i++;
        }
        List<String> header = cells(lines.get(i));
        List<String> expected = new ArrayList<>(List.of("operation"));
        expected.addAll(ROLES);
        if (!header.equals(expected)) {
            throw new AssertionError(
                    "docs/security.md " + service + ": the columns are " + header + ", not " + expected);
        }
        Map<String, Map<String, String>> table = new LinkedHashMap<>();
        for (i += 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            List<String> row = cells(lines.get(i));
            Map<String, String> byRole = new LinkedHashMap<>();
            for (int c = 0; c < ROLES.size(); c++) {
                byRole.put(ROLES.get(c), row.get(c + 1));
            }
            if (table.put(row.get(0), byRole) != null) {
                throw new AssertionError("docs/security.md " + service + " lists " + row.get(0) + " twice");
            }
        }
        return table;
    }

    private static List<String> cells(String line) {
        List<String> cells = new ArrayList<>();
        String inner = line.strip();
        inner = inner.substring(1, inner.length() - 1);
        for (String cell : inner.split("\\|")) {
            cells.add(cell.strip().replace("`", ""));
        }
        return cells;
    }
}
