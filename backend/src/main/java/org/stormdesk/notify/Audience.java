package org.stormdesk.notify;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a notice is for, as entries and playbooks write it: {@code role:leadership} (everyone with the role),
 * {@code user:manager} (one person), {@code contact:property} (a contact by id, or every contact of that category).
 */
public record Audience(Type type, String name) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");

    public enum Type { ROLE, USER, CONTACT }

    public static Optional<Audience> parse(Object value) {
        if (!(value instanceof String s)) {
            return Optional.empty();
        }
        int colon = s.indexOf(':');
        if (colon < 0) {
            return Optional.empty();
        }
        String name = s.substring(colon + 1).strip();
        if (!NAME.matcher(name).matches()) {
            return Optional.empty();
        }
        return switch (s.substring(0, colon).strip()) {
            case "role" -> Optional.of(new Audience(Type.ROLE, name));
            case "user" -> Optional.of(new Audience(Type.USER, name));
            case "contact" -> Optional.of(new Audience(Type.CONTACT, name));
            default -> Optional.empty();
        };
    }

    public String wire() {
        return type.name().toLowerCase(java.util.Locale.ROOT) + ":" + name;
    }
}
