package org.stormdesk.notify.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The one-tap acknowledgement link's token: the credential of an anonymous request, so it says exactly one
 * thing (this person acknowledges this firing), until when, and is signed.
 * <p>
 * Format: {@code base64url("ack|<firing entry id>|<username>|<expires, epoch seconds>") + "." +
 * base64url(HMAC-SHA256(key, first part))}. Anything else (another purpose, a changed byte, a late use) is refused.
 */
public final class AckTokens {

    static final String PURPOSE = "ack";
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{1,39}");
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final byte[] key;
    private final Duration validFor;

    public AckTokens(byte[] key, Duration validFor) {
        if (key.length < 32) {
            throw new IllegalArgumentException("An acknowledgement key needs at least 32 bytes");
        }
        this.key = key.clone();
        this.validFor = validFor;
    }

    /** A token for this person to acknowledge this firing, valid from {@code now} for the configured time. */
    public String issue(UUID firing, String username, Instant now) {
        return sign(PURPOSE, firing, username, now.plus(validFor));
    }

    String sign(String purpose, UUID firing, String username, Instant expires) {
        String claims = ENCODER.encodeToString((purpose + "|" + firing + "|" + username + "|" + expires.getEpochSecond())
                .getBytes(StandardCharsets.UTF_8));
        return claims + "." + ENCODER.encodeToString(Signatures.hmac(key, claims.getBytes(StandardCharsets.US_ASCII)));
    }

    /** What a presented token proves, checked in this order: well-formed, signed by us, for acknowledging, in time. */
    public Check check(String token, Instant now) {
        if (token == null || token.length() > 512) {
            return new Check(Outcome.MALFORMED, null, null);
        }
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return new Check(Outcome.MALFORMED, null, null);
        }
        String claims = token.substring(0, dot);
        byte[] given;
        String[] parts;
        try {
            given = DECODER.decode(token.substring(dot + 1));
            parts = new String(DECODER.decode(claims), StandardCharsets.UTF_8).split("\\|", -1);
        } catch (IllegalArgumentException e) {
            return new Check(Outcome.MALFORMED, null, null);
        }
        byte[] expected = Signatures.hmac(key, claims.getBytes(StandardCharsets.US_ASCII));
        if (!MessageDigest.isEqual(expected, given)) {
            return new Check(Outcome.TAMPERED, null, null);
        }
        if (parts.length != 4 || !PURPOSE.equals(parts[0])) {
            return new Check(Outcome.WRONG_PURPOSE, null, null);
        }
        UUID firing;
        long expires;
        try {
            firing = UUID.fromString(parts[1]);
            expires = Long.parseLong(parts[3]);
        } catch (IllegalArgumentException e) {
            return new Check(Outcome.MALFORMED, null, null);
        }
        if (!USERNAME.matcher(parts[2]).matches()) {
            return new Check(Outcome.MALFORMED, null, null);
        }
        if (!now.isBefore(Instant.ofEpochSecond(expires))) {
            return new Check(Outcome.EXPIRED, firing, parts[2]);
        }
        return new Check(Outcome.VALID, firing, parts[2]);
    }

    public enum Outcome { VALID, MALFORMED, TAMPERED, WRONG_PURPOSE, EXPIRED }

    /** The outcome, and for a signed acknowledgement token (valid or expired) whose firing and person. */
    public record Check(Outcome outcome, UUID firing, String username) {
        public boolean valid() {
            return outcome == Outcome.VALID;
        }
    }
}
