package org.stormdesk.capture;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import io.micronaut.core.annotation.Nullable;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What makes a captured customer record acceptable, the same on the server as in the PWA: a name, a phone number
 * that is one (a Chinese mainland number without prefix, or an international one starting with +), the matter,
 * a category from the fixed list, sizes within bounds, and a callback due time that makes sense when a callback
 * was promised. Each rule that fails names its message key, so the person sees why.
 */
public final class CaptureRules {

    public static final int MAX_NAME = 100;
    public static final int MAX_PHONE = 40;
    public static final int MAX_ACCOUNT = 64;
    public static final int MAX_MATTER = 2000;
    public static final int MAX_FORM_NO = 40;
    public static final int MAX_REFERENCE = 100;
    public static final int MAX_REASON = 500;
    /** The categories a matter is filed under (the PWA offers the same list). */
    public static final List<String> CATEGORIES = List.of("billing", "fault", "account", "order", "complaint",
            "inquiry", "other");
    public static final List<String> SOURCES = List.of("panel", "paper");
    /** A callback may be promised for at most this far after the record. */
    public static final Duration LATEST_CALLBACK = Duration.ofDays(30);
    /** ... and not before the record (a little slack for devices' clocks). */
    public static final Duration CLOCK_SLACK = Duration.ofMinutes(5);
    /** A number without + is read as a Chinese mainland number. */
    public static final String DEFAULT_REGION = "CN";

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private CaptureRules() {
    }

    /** Why a record is refused: a message key and its arguments. */
    public record Refusal(String field, String key, Object... args) {
    }

    /**
     * The first rule a captured record breaks, or empty when it is acceptable.
     *
     * @param recordedAt when the device recorded it (the callback due time is judged against it)
     */
    public static Optional<Refusal> check(Map<String, Object> p, Instant recordedAt) {
        String name = text(p.get("name"));
        if (name == null) {
            return refuse("name", "capture.refused.required.name");
        }
        if (name.length() > MAX_NAME) {
            return refuse("name", "capture.refused.tooLong.name", MAX_NAME);
        }
        String phone = text(p.get("phone"));
        if (phone == null) {
            return refuse("phone", "capture.refused.required.phone");
        }
        if (phone.length() > MAX_PHONE || normalizePhone(phone).isEmpty()) {
            return refuse("phone", "capture.refused.phone", phone.length() > MAX_PHONE ? phone.substring(0, MAX_PHONE) + "…" : phone);
        }
        String account = text(p.get("accountId"));
        if (account != null && account.length() > MAX_ACCOUNT) {
            return refuse("accountId", "capture.refused.tooLong.accountId", MAX_ACCOUNT);
        }
        String matter = text(p.get("matter"));
        if (matter == null) {
            return refuse("matter", "capture.refused.required.matter");
        }
        if (matter.length() > MAX_MATTER) {
            return refuse("matter", "capture.refused.tooLong.matter", MAX_MATTER);
        }
        String category = text(p.get("category"));
        if (category == null || !CATEGORIES.contains(category)) {
            return refuse("category", "capture.refused.category", String.join(", ", CATEGORIES));
        }
        String source = text(p.get("source"));
        if (source == null || !SOURCES.contains(source)) {
            return refuse("source", "capture.refused.source");
        }
        String formNo = text(p.get("paperFormNo"));
        if (formNo != null && formNo.length() > MAX_FORM_NO) {
            return refuse("paperFormNo", "capture.refused.tooLong.paperFormNo", MAX_FORM_NO);
        }
        Object promised = p.get("callbackPromised");
        if (!(promised instanceof Boolean)) {
            return refuse("callbackPromised", "capture.refused.promised");
        }
        String due = text(p.get("callbackDueAt"));
        if (Boolean.TRUE.equals(promised)) {
            if (due == null) {
                return refuse("callbackDueAt", "capture.refused.dueMissing");
            }
            Instant at;
            try {
                at = Instant.parse(due);
            } catch (DateTimeParseException e) {
                return refuse("callbackDueAt", "capture.refused.dueMalformed");
            }
            if (at.isBefore(recordedAt.minus(CLOCK_SLACK)) || at.isAfter(recordedAt.plus(LATEST_CALLBACK))) {
                return refuse("callbackDueAt", "capture.refused.dueRange", LATEST_CALLBACK.toDays());
            }
        } else if (due != null) {
            return refuse("callbackDueAt", "capture.refused.dueWithoutPromise");
        }
        return Optional.empty();
    }

    /** A phone number in E.164 ({@code +8613800138000}), or empty when it is not a valid number. */
    public static Optional<String> normalizePhone(@Nullable String typed) {
        if (typed == null || typed.isBlank() || typed.length() > MAX_PHONE) {
            return Optional.empty();
        }
        String s = typed.strip();
        if (!s.matches("[+0-9 ()\\-.]+") || s.indexOf('+') > 0) {
            return Optional.empty();
        }
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(s, s.startsWith("+") ? null : DEFAULT_REGION);
            if (!PHONES.isValidNumber(number)) {
                return Optional.empty();
            }
            return Optional.of(PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.E164));
        } catch (NumberParseException e) {
            return Optional.empty();
        }
    }

    /** A number as people read it: national format for mainland numbers, international for the rest. */
    public static String display(String e164) {
        try {
            Phonenumber.PhoneNumber number = PHONES.parse(e164, null);
            return number.getCountryCode() == 86
                    ? PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.NATIONAL)
                    : PHONES.format(number, PhoneNumberUtil.PhoneNumberFormat.INTERNATIONAL);
        } catch (NumberParseException e) {
            return e164;
        }
    }

    /** A number with all but its first three and last two digits hidden: {@code +86 138******00}. */
    public static String mask(String e164) {
        String digits = e164.startsWith("+") ? e164.substring(1) : e164;
        if (digits.length() <= 5) {
            return "*".repeat(digits.length());
        }
        return "+" + digits.substring(0, 3) + "*".repeat(digits.length() - 5) + digits.substring(digits.length() - 2);
    }

    static @Nullable String text(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        String s = value.toString().strip();
        return s.isEmpty() ? null : s;
    }

    /** Numbers go in as text, so that no locale's grouping ("2,000") changes them. */
    private static Optional<Refusal> refuse(String field, String key, Object... args) {
        Object[] plain = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            plain[i] = args[i] instanceof Number n ? n.toString() : args[i];
        }
        return Optional.of(new Refusal(field, key, plain));
    }
}
