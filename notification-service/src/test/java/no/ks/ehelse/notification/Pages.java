package no.ks.ehelse.notification;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Map;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * A person's page requests as a browser makes them, with a bearer token standing in for the sign-in (hybrid OIDC
 * treats a request with an Authorization header as a service request): GET a page, then POST one of its forms
 * with the CSRF token the page carried and the cookie that came with it.
 */
final class Pages {

    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static final String CSRF = "csrf-token";
    /** Each service's CSRF cookie has its own name (cookies do not separate by port locally). */
    private static final String CSRF_COOKIE = "ehelse_csrf_notification-service";

    /** A page as served: its status, its HTML, and the CSRF cookie (if it set one). */
    record Shown(int status, Document html, String csrfCookie) {

        /** The form posting to {@code action}; fails the test when the page has none. */
        Element form(String action) {
            Element form = html.selectFirst("form[action=" + action + "]");
            if (form == null) {
                throw new AssertionError("no form posts to " + action + " on\n" + html.select("main"));
            }
            return form;
        }
    }

    private Pages() {}

    static Shown get(String token, String path) {
        Response response = request(token).get(path);
        return new Shown(response.statusCode(), Jsoup.parse(response.asString()), response.cookie(CSRF_COOKIE));
    }

    /**
     * Posts {@code fields} (name, value, name, value, …; a name may repeat) to the form on {@code page} that posts to
     * {@code action}, with its CSRF token. The answer is not followed: a 303 stays a 303.
     */
    static Response post(String token, Shown page, String action, String... fields) {
        page.form(action);
        return postElsewhere(token, page, action, fields);
    }

    /**
     * Posts to {@code action} with the page's valid CSRF token although the page has no such form: a hand-made
     * request, so what refuses it must be the authorization, not CSRF.
     */
    static Response postElsewhere(String token, Shown page, String action, String... fields) {
        String csrf = page.html().selectFirst("input[name=" + CSRF + "]").attr("value");
        RequestSpecification request =
                request(token).cookie(CSRF_COOKIE, page.csrfCookie()).formParam(CSRF, csrf);
        return form(request, fields).post(action);
    }

    /** Posts without any CSRF token, as a forged cross-site form would. */
    static Response postWithoutCsrf(String token, String action, String... fields) {
        return form(request(token), fields).post(action);
    }

    static Document html(Response response) {
        return Jsoup.parse(response.asString());
    }

    /** The messages of the error summary, in order, each with the field it links to. */
    static List<Map.Entry<String, String>> errorSummary(Document page) {
        return page.select(".ds-error-summary li a").stream()
                .map(a -> Map.entry(a.attr("href"), a.text()))
                .toList();
    }

    private static RequestSpecification form(RequestSpecification request, String... fields) {
        request.contentType("application/x-www-form-urlencoded; charset=UTF-8");
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        return request;
    }

    private static RequestSpecification request(String token) {
        RequestSpecification request = given().redirects().follow(false).accept(BROWSER_ACCEPT);
        return token == null ? request : request.auth().oauth2(token);
    }
}
