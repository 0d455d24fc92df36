package org.stormdesk.support;

import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

/**
 * The machine's PostgreSQL (127.0.0.1:5432, user postgres; override with STORMDESK_TEST_PG_URL/USER/PASSWORD):
 * each test class gets a database of its own, made before its context starts and dropped after.
 */
public final class Postgres {

    public static final String HOST_URL = env("STORMDESK_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/");
    public static final String USER = env("STORMDESK_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("STORMDESK_TEST_PG_PASSWORD", "");

    private Postgres() {
    }

    /**
     * Skips the calling test when no PostgreSQL answers, unless {@code STORMDESK_TEST_PG=required}
     * (as CI sets it), in which case a missing PostgreSQL fails the run.
     */
    public static void assumeAvailable() {
        boolean required = "required".equals(System.getenv("STORMDESK_TEST_PG"));
        try (Connection ignored = DriverManager.getConnection(HOST_URL + "postgres", USER, PASSWORD)) {
            // reachable
        } catch (SQLException e) {
            if (required) {
                throw new IllegalStateException("STORMDESK_TEST_PG=required but PostgreSQL at " + HOST_URL + " does not answer", e);
            }
            Assumptions.abort("No PostgreSQL at " + HOST_URL + ": PostgreSQL tests skipped (" + e.getMessage() + ")");
        }
    }

    /** Creates a new empty database and answers the properties that point the default datasource at it. */
    public static Map<String, String> freshDatabase() {
        assumeAvailable();
        String name = "stormdesk_t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        admin("CREATE DATABASE " + name);
        return Map.of(
                "datasources.default.url", HOST_URL + name,
                "datasources.default.username", USER,
                "datasources.default.password", PASSWORD,
                "stormdesk.test.database", name);
    }

    public static void drop(String name) {
        if (name != null) {
            admin("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void admin(String sql) {
        try (Connection c = DriverManager.getConnection(HOST_URL + "postgres", USER, PASSWORD);
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL at " + HOST_URL + " is needed for this test: " + e.getMessage(), e);
        }
    }

    private static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
