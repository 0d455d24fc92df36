package org.stormdesk.app;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TimeZone;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded database keeps every instant exactly, whatever the JVM's default time zone: with the settings of the
 * shipped configuration, two instants an hour apart that a zone with daylight saving shows as the same wall time (the
 * hour that repeats in autumn) stay two, bound and read back as {@code java.sql.Timestamp} like Micronaut Data does.
 */
class EmbeddedDatabaseTimeTest {

    /** 01:30 in Los Angeles, twice: before and after the clocks went back on 1 November 2026. */
    static final Instant FIRST = Instant.parse("2026-11-01T08:30:00Z");
    static final Instant SECOND = Instant.parse("2026-11-01T09:30:00Z");

    /** The options of the shipped H2 URL (everything after the database name), on an in-memory database. */
    static String shippedUrlOptions() throws Exception {
        try (InputStream in = EmbeddedDatabaseTimeTest.class.getResourceAsStream("/application.yml")) {
            String yml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String url = yml.lines().map(String::strip).filter(l -> l.startsWith("url: jdbc:h2:file:")).findFirst().orElseThrow();
            return url.substring(url.indexOf(';'));
        }
    }

    @Test
    void theHourThatRepeatsInAutumnStaysTwoHoursInAZoneWithDaylightSaving() throws Exception {
        TimeZone before = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("America/Los_Angeles"));
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:embedded-time" + shippedUrlOptions(), "sa", "")) {
            c.createStatement().execute("CREATE TABLE at_times (at TIMESTAMP WITH TIME ZONE PRIMARY KEY)");
            for (Instant at : List.of(FIRST, SECOND)) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO at_times (at) VALUES (?)")) {
                    ps.setTimestamp(1, Timestamp.from(at));
                    ps.executeUpdate();
                }
            }
            List<Instant> read = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT at FROM at_times ORDER BY at")) {
                while (rs.next()) {
                    read.add(rs.getTimestamp(1).toInstant());
                }
            }
            assertThat(read).containsExactly(FIRST, SECOND);
        } finally {
            TimeZone.setDefault(before);
        }
    }
}
