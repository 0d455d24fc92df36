package org.stormdesk.journal.internal;

import org.stormdesk.journal.ChainCheck;
import org.stormdesk.journal.StoredEntry;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The tamper-evident chain of an incident's log: each entry's hash covers its own content and the hash of
 * the entry before it in the same stream, so an edited, removed or reordered entry breaks every hash after it.
 */
public final class HashChain {

    public static final String GENESIS = "0".repeat(64);

    private HashChain() {
    }

    public static String hash(String prevHash, long seq, UUID id, String kind, UUID incident, String actor,
                              String device, String recordedAt, String receivedAt, String payloadJson) {
        String canonical = String.join("\n", prevHash, Long.toString(seq), id.toString(), kind,
                incident == null ? "" : incident.toString(), actor, device, recordedAt, receivedAt, payloadJson);
        return sha256(canonical);
    }

    /** Recomputes a stream's chain; {@code payloadJson} gives each entry's payload exactly as stored. */
    public static ChainCheck verify(List<StoredEntry> stream, java.util.function.Function<StoredEntry, String> payloadJson) {
        String prev = GENESIS;
        for (StoredEntry e : stream) {
            String expected = hash(prev, e.seq(), e.id(), e.kind(), e.incident(), e.actor(), e.device(),
                    e.recordedAt().toString(), e.receivedAt().toString(), payloadJson.apply(e));
            if (!prev.equals(e.prevHash()) || !expected.equals(e.hash())) {
                return new ChainCheck(false, stream.size(), e.seq());
            }
            prev = e.hash();
        }
        return new ChainCheck(true, stream.size(), null);
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
