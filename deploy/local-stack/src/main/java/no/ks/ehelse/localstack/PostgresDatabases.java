package no.ks.ehelse.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.regex.Pattern;

/**
 * Creates and drops databases on a PostgreSQL server through an admin JDBC URL. Each service owns one database;
 * nothing here creates tables (that is each service's Flyway migrations).
 */
public final class PostgresDatabases {

    /** Admin URL from {@code EHELSE_PG_ADMIN_URL}, else the machine's local server (trust auth). */
    public static final String ADMIN_URL = System.getenv()
            .getOrDefault("EHELSE_PG_ADMIN_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");

    private static final Pattern SAFE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final String adminUrl;

    public PostgresDatabases(String adminUrl) {
        this.adminUrl = adminUrl;
    }

    public boolean reachable() {
        try (Connection ignored = connect()) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    public void createIfMissing(String name) {
        requireSafe(name);
        try (Connection c = connect();
                var st = c.createStatement()) {
            try (var rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name + " via " + adminUrl, e);
        }
    }

    public void drop(String name) {
        requireSafe(name);
        try (Connection c = connect();
                var st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IllegalStateException("Could not drop database " + name, e);
        }
    }

    /** The JDBC URL of a database on the same server as the admin URL. */
    public String urlOf(String database) {
        int slash = adminUrl.indexOf('/', "jdbc:postgresql://".length());
        int query = adminUrl.indexOf('?');
        String base = adminUrl.substring(0, slash + 1);
        return base + database + (query >= 0 ? adminUrl.substring(query) : "");
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(adminUrl);
    }

    private static void requireSafe(String name) {
        if (!SAFE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a safe database name: " + name);
        }
    }

    /** {@code java ... PostgresDatabases name...}: used by the local run to create the services' databases. */
    public static void main(String[] names) {
        PostgresDatabases databases = new PostgresDatabases(ADMIN_URL);
        for (String name : names) {
            databases.createIfMissing(name);
        }
    }
}
