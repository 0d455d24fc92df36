package org.stormdesk.outbound.internal;

import io.micronaut.core.annotation.Nullable;
import org.stormdesk.app.ProblemException;
import org.stormdesk.capture.CaptureRules;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Optional;

/** What a planned call must hold (the first field wrong, with its message key), checked the same way at import (per row) and when its entry is judged. */
public final class PlanRules {

    public static final int MIN_PRIORITY = 1;
    public static final int MAX_PRIORITY = 9;

    private PlanRules() {
    }

    public static Optional<ProblemException.Field> check(Map<String, Object> p) {
        if (text(p, "day") == null) {
            return Optional.of(new ProblemException.Field("day", "outbound.refused.required"));
        }
        try {
            LocalDate.parse(text(p, "day"));
        } catch (DateTimeParseException e) {
            return Optional.of(new ProblemException.Field("day", "outbound.refused.day", text(p, "day")));
        }
        for (String field : new String[] {"campaign", "customerName", "phone", "dueAt"}) {
            if (text(p, field) == null) {
                return Optional.of(new ProblemException.Field(field, "outbound.refused.required"));
            }
        }
        if (text(p, "campaign").length() > 100) {
            return Optional.of(new ProblemException.Field("campaign", "outbound.refused.tooLong", 100));
        }
        if (text(p, "customerName").length() > 100) {
            return Optional.of(new ProblemException.Field("customerName", "outbound.refused.tooLong", 100));
        }
        if (CaptureRules.normalizePhone(text(p, "phone")).isEmpty()) {
            return Optional.of(new ProblemException.Field("phone", "outbound.refused.phone", text(p, "phone")));
        }
        if (priority(p.get("priority")) == 0) {
            return Optional.of(new ProblemException.Field("priority", "outbound.refused.priority", MIN_PRIORITY, MAX_PRIORITY));
        }
        try {
            Instant.parse(text(p, "dueAt"));
        } catch (DateTimeParseException e) {
            return Optional.of(new ProblemException.Field("dueAt", "outbound.refused.dueAt", text(p, "dueAt")));
        }
        String skill = text(p, "skill");
        if (skill != null && !OutboundEntries.SKILL.matcher(skill).matches()) {
            return Optional.of(new ProblemException.Field("skill", "outbound.refused.skill", skill));
        }
        String note = text(p, "note");
        if (note != null && note.length() > OutboundEntries.MAX_NOTE) {
            return Optional.of(new ProblemException.Field("note", "outbound.refused.tooLong", OutboundEntries.MAX_NOTE));
        }
        return Optional.empty();
    }

    /** A priority from 1 to 9, or 0 when it is not one. */
    public static int priority(@Nullable Object value) {
        int p;
        if (value instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            p = n.intValue();
        } else if (value instanceof String s && s.strip().matches("\\d{1,2}")) {
            p = Integer.parseInt(s.strip());
        } else {
            return 0;
        }
        return p >= MIN_PRIORITY && p <= MAX_PRIORITY ? p : 0;
    }

    private static @Nullable String text(Map<String, Object> p, String field) {
        Object v = p.get(field);
        return v == null || String.valueOf(v).isBlank() ? null : String.valueOf(v).strip();
    }
}
