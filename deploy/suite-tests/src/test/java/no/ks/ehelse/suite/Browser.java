package no.ks.ehelse.suite;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;

/**
 * A real browser for the page tests: Playwright for Java driving Debian's Chromium ({@code /usr/bin/chromium},
 * headless, a fresh profile per instance; Playwright's own browser download is skipped). Signs in as a persona
 * through the OIDC server's login page, checks every page with axe-core against the WCAG 2.1 A and AA rules, and
 * writes screenshots under {@code target/screenshots}.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("EHELSE_CHROMIUM", "/usr/bin/chromium"));
    static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Playwright playwright;
    private final BrowserContext context;
    private final Path profile;
    public final Page page;
    private final List<String> checked = new ArrayList<>();

    private Browser(Playwright playwright, BrowserContext context, Path profile) {
        this.playwright = playwright;
        this.context = context;
        this.profile = profile;
        this.page =
                context.pages().isEmpty() ? context.newPage() : context.pages().get(0);
    }

    public static Browser launch() {
        if (!Files.isExecutable(CHROMIUM)) {
            throw new IllegalStateException(
                    CHROMIUM + " is missing: install Debian's Chromium (apt-get install -y chromium), as .ci/run does");
        }
        Playwright playwright = Playwright.create(
                new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        try {
            Path profile = Files.createTempDirectory("ehelse-chromium-");
            BrowserContext context = playwright
                    .chromium()
                    .launchPersistentContext(
                            profile,
                            new BrowserType.LaunchPersistentContextOptions()
                                    .setExecutablePath(CHROMIUM)
                                    .setHeadless(true)
                                    .setLocale("nb-NO")
                                    .setArgs(List.of(
                                            "--no-sandbox",
                                            "--disable-gpu",
                                            "--disable-background-networking",
                                            "--disable-component-update",
                                            "--no-first-run")));
            context.setDefaultTimeout(30_000);
            return new Browser(playwright, context, profile);
        } catch (IOException e) {
            playwright.close();
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            playwright.close();
            throw e;
        }
    }

    /** Opens a URL; returns the response of the last navigation (after redirects). */
    public Response open(String url) {
        return page.navigate(url);
    }

    /**
     * Signs in on the OIDC server's login page, which the browser must be showing (a signed-in page sends it
     * there): presses the persona's button, and waits until the browser is back at the service.
     */
    public void signInAs(String username, String serviceUrl) {
        if (!page.url().contains("/authorize")) {
            throw new AssertionError("expected the OIDC server's login page, but the browser is at " + page.url());
        }
        check("innlogging");
        page.locator("button[name=persona][value='" + username + "']").click();
        // Back through the service's redirect URI (/logg-inn), which forwards to the page first asked for.
        page.waitForURL(url -> url.startsWith(serviceUrl) && !url.contains("/logg-inn?"));
    }

    /**
     * Runs axe-core on the page shown and fails, listing rule, impact and elements, on any WCAG 2.1 A/AA violation;
     * then writes a full-page screenshot {@code target/screenshots/<name>.png}.
     */
    public void check(String name) {
        AxeResults results = new AxeBuilder(page).withTags(WCAG_21_AA).analyze();
        screenshot(name);
        checked.add(name);
        List<Rule> violations = results.getViolations();
        if (!violations.isEmpty()) {
            StringBuilder report = new StringBuilder(
                    violations.size() + " WCAG 2.1 A/AA violation(s) on " + name + " (" + page.url() + "):");
            for (Rule rule : violations) {
                report.append("\n  ")
                        .append(rule.getId())
                        .append(" [")
                        .append(rule.getImpact())
                        .append("] ")
                        .append(rule.getHelp());
                for (CheckedNode node : rule.getNodes()) {
                    report.append("\n    at ").append(node.getTarget());
                }
            }
            throw new AssertionError(report.toString());
        }
    }

    public Path screenshot(String name) {
        Path file = SCREENSHOTS.resolve(name + ".png");
        page.screenshot(new Page.ScreenshotOptions().setPath(file).setFullPage(true));
        return file;
    }

    /** The pages checked with axe so far (each with 0 violations, or the test would have stopped). */
    public List<String> checked() {
        return List.copyOf(checked);
    }

    /** Forgets every session (cookies of every service), as a new browser would. */
    public void clearCookies() {
        context.clearCookies();
    }

    @Override
    public void close() {
        try {
            context.close();
        } finally {
            playwright.close();
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temp profile left behind is harmless
            }
        }
    }
}
