package org.stormdesk.power;

import org.stormdesk.power.db.WarningRow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * When staff are warned of a planned outage (S3.3): at each of the durations before its start that are still ahead,
 * and at once when one has passed already (an outage entered late); and the plan starts at the start.
 */
public final class OutageWarnings {

    private OutageWarnings() {
    }

    /** The rows the sweep will act on, for durations sorted longest first. */
    public static List<WarningRow> schedule(UUID outage, Instant start, List<Duration> before, Instant now) {
        List<WarningRow> rows = new ArrayList<>();
        Duration latePassed = null;
        for (Duration d : before) {
            Instant due = start.minus(d);
            if (due.isAfter(now)) {
                rows.add(new WarningRow(outage + "/" + d, outage, d.toString(), due, null));
            } else {
                latePassed = d;
            }
        }
        if (latePassed != null && start.isAfter(now)) {
            rows.add(new WarningRow(outage + "/" + latePassed, outage, latePassed.toString(), now, null));
        }
        rows.add(new WarningRow(outage + "/" + WarningRow.START, outage, WarningRow.START, start, null));
        return rows;
    }
}
