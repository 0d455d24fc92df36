package org.stormdesk.incident;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The eight kinds of trouble of the specification, in its order, each with the severity an incident
 * of that kind opens with and whether it is confined to one seat.
 */
public enum IncidentKind {
    EQUIPMENT(Severity.LOW, true),
    SYSTEM(Severity.HIGH, false),
    POWER(Severity.HIGH, false),
    AIRCON(Severity.MEDIUM, false),
    FIRE(Severity.CRITICAL, false),
    WEBSITE(Severity.HIGH, false),
    SURGE(Severity.MEDIUM, false),
    MEDIA(Severity.HIGH, false);

    private final Severity severity;
    private final boolean perSeat;

    IncidentKind(Severity severity, boolean perSeat) {
        this.severity = severity;
        this.perSeat = perSeat;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Severity defaultSeverity() {
        return severity;
    }

    /** Whether each seat's trouble is its own incident (a broken PC), rather than one for the whole center. */
    public boolean perSeat() {
        return perSeat;
    }

    public static Optional<IncidentKind> parse(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire().equals(wire)).findFirst();
    }

    /** How bad an incident is. */
    public enum Severity {
        LOW, MEDIUM, HIGH, CRITICAL;

        public String wire() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static java.util.Optional<Severity> parse(String wire) {
            return java.util.Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
        }
    }
}
