package org.stormdesk.report;

import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import org.stormdesk.app.DataDirSecrets;
import org.stormdesk.app.Settings;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.ChainCheck;
import org.stormdesk.journal.Journal;
import org.stormdesk.journal.PullPage;
import org.stormdesk.journal.StoredEntry;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * The management log of a period as a signed archive for audit: a zip of {@code management-log.jsonl} (every entry
 * of an incident the server received in the period, one JSON object a line, in sequence order),
 * {@code chains.json} (each incident's hash-chain check), {@code manifest.json} (the period, the SHA-256 of each
 * file, the signing key's fingerprint), {@code manifest.sig} (an Ed25519 signature of the manifest's exact bytes)
 * and {@code public-key.pem}. The key pair is made once and kept in the data directory
 * ({@value #KEY_FILE}); docs/api.md says how an auditor verifies an archive with nothing but OpenSSL.
 */
@Singleton
public class AuditArchive {

    public static final String KEY_FILE = "report-audit-ed25519.key";
    public static final String LOG = "management-log.jsonl";
    public static final String CHAINS = "chains.json";
    public static final String MANIFEST = "manifest.json";
    public static final String SIGNATURE = "manifest.sig";
    public static final String PUBLIC_KEY = "public-key.pem";
    private static final Actor AUDITOR = new Actor("audit", Set.of("admin"));

    private final Journal journal;
    private final JsonMapper json;
    private final Clock clock;
    private final Path keyFile;
    private volatile KeyPair keys;

    public AuditArchive(Journal journal, JsonMapper json, Clock clock, Settings settings) {
        this.journal = journal;
        this.json = json;
        this.clock = clock;
        this.keyFile = Path.of(settings.dataDir(), KEY_FILE);
    }

    /** The archive of the entries received in {@code [from, to)}. */
    public byte[] archive(Instant from, Instant to, String zone, String by) {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        Set<UUID> incidents = new LinkedHashSet<>();
        long after = 0;
        int count = 0;
        PullPage page;
        try {
            do {
                page = journal.pull(after, Journal.MAX_PULL, AUDITOR);
                for (StoredEntry e : page.entries()) {
                    if (e.incident() != null && !e.receivedAt().isBefore(from) && e.receivedAt().isBefore(to)) {
                        log.write(json.writeValueAsBytes(e));
                        log.write('\n');
                        incidents.add(e.incident());
                        count++;
                    }
                }
                after = page.next();
            } while (page.hasMore());
            Map<String, ChainCheck> chains = new LinkedHashMap<>();
            for (UUID incident : incidents) {
                chains.put(incident.toString(), journal.verify(incident));
            }
            byte[] chainBytes = json.writeValueAsBytes(chains);
            byte[] logBytes = log.toByteArray();
            KeyPair pair = keys();
            String publicPem = pem(pair.getPublic());
            List<Manifest.File> files = List.of(new Manifest.File(LOG, logBytes.length, sha256(logBytes)),
                    new Manifest.File(CHAINS, chainBytes.length, sha256(chainBytes)),
                    new Manifest.File(PUBLIC_KEY, publicPem.length(), sha256(publicPem.getBytes(StandardCharsets.US_ASCII))));
            Manifest manifest = new Manifest("stormdesk-audit-archive/1", from, to, zone, clock.instant(), by, count,
                    incidents.size(), chains.values().stream().allMatch(ChainCheck::valid), files,
                    fingerprint(pair.getPublic()), "Ed25519");
            byte[] manifestBytes = json.writeValueAsBytes(manifest);
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(pair.getPrivate());
            signer.update(manifestBytes);
            byte[] signature = signer.sign();

            ByteArrayOutputStream zip = new ByteArrayOutputStream();
            try (ZipOutputStream out = new ZipOutputStream(zip)) {
                put(out, MANIFEST, manifestBytes);
                put(out, SIGNATURE, signature);
                put(out, PUBLIC_KEY, publicPem.getBytes(StandardCharsets.US_ASCII));
                put(out, LOG, logBytes);
                put(out, CHAINS, chainBytes);
            }
            return zip.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot sign the audit archive", e);
        }
    }

    /** The archive's manifest: what it covers and the SHA-256 of each file. */
    @Serdeable
    public record Manifest(String format, Instant from, Instant to, String zone, Instant createdAt, String createdBy,
                           int entries, int incidents, boolean chainsValid, List<File> files, String keyFingerprint,
                           String algorithm) {
        @Serdeable
        public record File(String name, long bytes, String sha256) {
        }
    }

    /** The outcome of checking an archive: valid, or the problems found (names of files, or the signature). */
    @Serdeable
    public record Verification(boolean valid, String keyFingerprint, List<String> problems) {
    }

    /**
     * Checks an archive as an auditor would: the manifest's signature against the given public key (the one the
     * center publishes, not the one in the archive), then every file's SHA-256 and size against the manifest.
     */
    public Verification verify(byte[] archive, PublicKey key) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(archive))) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                files.put(entry.getName(), in.readAllBytes());
            }
        } catch (IOException e) {
            return new Verification(false, fingerprint(key), List.of("archive"));
        }
        byte[] manifestBytes = files.get(MANIFEST);
        byte[] signature = files.get(SIGNATURE);
        if (manifestBytes == null || signature == null) {
            return new Verification(false, fingerprint(key), List.of(MANIFEST));
        }
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(manifestBytes);
            if (!verifier.verify(signature)) {
                problems.add(SIGNATURE);
            }
        } catch (GeneralSecurityException e) {
            problems.add(SIGNATURE);
        }
        Manifest manifest;
        try {
            manifest = json.readValue(manifestBytes, Manifest.class);
        } catch (IOException | RuntimeException e) {
            problems.add(MANIFEST);
            return new Verification(false, fingerprint(key), problems);
        }
        for (Manifest.File f : manifest.files()) {
            byte[] bytes = files.get(f.name());
            if (bytes == null || bytes.length != f.bytes() || !sha256(bytes).equals(f.sha256())) {
                problems.add(f.name());
            }
        }
        return new Verification(problems.isEmpty(), fingerprint(key), problems);
    }

    /** The public key auditors check archives with. */
    public PublicKey publicKey() {
        return keys().getPublic();
    }

    public String publicKeyPem() {
        return pem(publicKey());
    }

    /** The SHA-256 of the public key's DER encoding, in hex: what the center tells its auditors. */
    public static String fingerprint(PublicKey key) {
        return sha256(key.getEncoded());
    }

    public static PublicKey readPublicKey(String pem) throws GeneralSecurityException {
        String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
    }

    private KeyPair keys() {
        KeyPair pair = keys;
        if (pair == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = loadOrMake();
                }
                pair = keys;
            }
        }
        return pair;
    }

    private KeyPair loadOrMake() {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            String[] parts = DataDirSecrets.readOrCreate(keyFile, AuditArchive::newKeyText, "audit signing key").split("\n", 2);
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(parts[0].strip())));
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(parts[1].strip())));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    /** A new Ed25519 key pair as the key file holds it: the private key (PKCS#8), then the public one, base64. */
    private static String newKeyText() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            return Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded()) + "\n"
                    + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Ed25519 is not available", e);
        }
    }

    private static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    private static void put(ZipOutputStream out, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        out.putNextEntry(entry);
        out.write(bytes);
        out.closeEntry();
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
