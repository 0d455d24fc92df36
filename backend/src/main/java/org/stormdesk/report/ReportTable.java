package org.stormdesk.report;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.Set;

/**
 * One table of a report, as exported to CSV and Excel: localized column headings and rows of plain values
 * (text, whole numbers, minutes as decimals, local date-times in the center's time zone).
 */
@Serdeable
public record ReportTable(String name, String title, List<String> columns, List<List<Object>> rows) {

    public static final Set<String> NAMES = Set.of("incidents", "times", "escalations", "compliance", "customers",
            "callbacks", "drills");
}
