package org.stormdesk.notify.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The acknowledgement link's token says one thing, for one person, for a while, and cannot be changed. */
class AckTokensTest {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef-key".getBytes(StandardCharsets.UTF_8);
    static final Instant NOW = Instant.parse("2026-11-29T08:15:00Z");
    final AckTokens tokens = new AckTokens(KEY, Duration.ofHours(24));
    final UUID firing = UUID.randomUUID();

    @Test
    void aFreshTokenProvesItsFiringAndItsPerson() {
        AckTokens.Check check = tokens.check(tokens.issue(firing, "leader", NOW), NOW.plusSeconds(60));
        assertThat(check.outcome()).isEqualTo(AckTokens.Outcome.VALID);
        assertThat(check.firing()).isEqualTo(firing);
        assertThat(check.username()).isEqualTo("leader");
    }

    @Test
    void itExpiresAfterItsTime() {
        String token = tokens.issue(firing, "leader", NOW);
        assertThat(tokens.check(token, NOW.plus(Duration.ofHours(24)).minusSeconds(1)).valid()).isTrue();
        assertThat(tokens.check(token, NOW.plus(Duration.ofHours(24))).outcome()).isEqualTo(AckTokens.Outcome.EXPIRED);
    }

    @Test
    void aChangedPersonFiringOrSignatureIsTampering() {
        String token = tokens.issue(firing, "leader", NOW);
        String claims = token.substring(0, token.indexOf('.'));
        String signature = token.substring(token.indexOf('.') + 1);
        String otherPerson = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(claims), StandardCharsets.UTF_8).replace("leader", "manager")
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(tokens.check(otherPerson + "." + signature, NOW).outcome()).isEqualTo(AckTokens.Outcome.TAMPERED);
        char last = signature.charAt(5);
        String flipped = signature.substring(0, 5) + (last == 'A' ? 'B' : 'A') + signature.substring(6);
        assertThat(tokens.check(claims + "." + flipped, NOW).outcome()).isEqualTo(AckTokens.Outcome.TAMPERED);
        AckTokens otherKey = new AckTokens("another-key-another-key-another-key!".getBytes(StandardCharsets.UTF_8), Duration.ofHours(24));
        assertThat(otherKey.check(token, NOW).outcome()).isEqualTo(AckTokens.Outcome.TAMPERED);
    }

    @Test
    void aTokenSignedForAnotherPurposeDoesNotAcknowledge() {
        String other = tokens.sign("unsubscribe", firing, "leader", NOW.plusSeconds(3600));
        assertThat(tokens.check(other, NOW).outcome()).isEqualTo(AckTokens.Outcome.WRONG_PURPOSE);
    }

    @Test
    void garbageIsMalformed() {
        assertThat(tokens.check("nonsense", NOW).outcome()).isEqualTo(AckTokens.Outcome.MALFORMED);
        assertThat(tokens.check("a.b.c", NOW).outcome()).isEqualTo(AckTokens.Outcome.MALFORMED);
        assertThat(tokens.check("!!!.???", NOW).outcome()).isEqualTo(AckTokens.Outcome.MALFORMED);
        assertThat(tokens.check(null, NOW).outcome()).isEqualTo(AckTokens.Outcome.MALFORMED);
    }
}
