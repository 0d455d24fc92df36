package org.stormdesk.report;

import io.micronaut.core.annotation.Nullable;

import java.time.LocalDate;

/**
 * What a report covers: the days from {@code from} to {@code to} (both included, in the center's time zone), and
 * optionally one site and one incident kind.
 */
public record ReportFilter(LocalDate from, LocalDate to, @Nullable String site, @Nullable String kind) {

    /** The longest period one report covers. */
    public static final int MAX_DAYS = 3 * 366;

    public boolean matches(@Nullable String incidentSite, @Nullable String incidentKind) {
        return (site == null || site.equals(incidentSite)) && (kind == null || kind.equals(incidentKind));
    }

    public boolean filtered() {
        return site != null || kind != null;
    }
}
