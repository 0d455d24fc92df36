package org.stormdesk.notify.internal;

import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.stormdesk.notify.NotifySettings;
import org.stormdesk.notify.db.PushSubscriptionRepository;
import org.stormdesk.notify.db.PushSubscriptionRow;
import org.stormdesk.notify.db.VapidRepository;
import org.stormdesk.notify.db.VapidRow;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Web Push to the browsers where people turned it on: the message encrypted for each device as RFC 8291
 * ({@code aes128gcm}) asks, and the request signed with the server's VAPID key (RFC 8292), so that the browser's
 * push service (FCM, Mozilla, Apple, Microsoft) delivers it to the installed app even when it is closed.
 * <p>
 * Written on the JDK's own cryptography (P-256 ECDH, HMAC-SHA-256, AES-GCM, ECDSA in P1363 form): the two
 * RFCs need nothing else, and a library for them would bring its own crypto provider. One key pair serves all
 * nodes: it is kept in the database, made by whichever node needs it first.
 */
@Singleton
class WebPush {

    private static final Logger LOG = LoggerFactory.getLogger(WebPush.class);
    static final String DEFAULT_SUBJECT = "mailto:stormdesk@localhost";
    /** Push services refuse more than 4096 bytes of payload; the header and tag take 103 of them. */
    static final int MAX_PLAINTEXT = 3800;
    static final Duration TTL = Duration.ofHours(12);
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64URL = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64URL_IN = Base64.getUrlDecoder();

    private final VapidRepository vapid;
    private final PushSubscriptionRepository subscriptions;
    private final NotifySettings settings;
    private final JsonMapper json;
    private final Clock clock;
    private final HttpClient http;
    private volatile KeyPair keys;

    WebPush(VapidRepository vapid, PushSubscriptionRepository subscriptions, NotifySettings settings, JsonMapper json, Clock clock) {
        this.vapid = vapid;
        this.subscriptions = subscriptions;
        this.settings = settings;
        this.json = json;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The server's public key as browsers take it ({@code applicationServerKey}): an uncompressed point, base64url. */
    String publicKey() {
        return B64URL.encodeToString(uncompressed((ECPublicKey) keys().getPublic()));
    }

    /** Whether an endpoint is one the server may post to: a known push service, over HTTPS. */
    boolean allowed(String endpoint) {
        URI uri;
        try {
            uri = URI.create(endpoint);
        } catch (IllegalArgumentException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("https") || (settings.pushAllowHttp() && scheme.equals("http"))) || uri.getHost() == null
                || uri.getUserInfo() != null) {
            return false;
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        return settings.pushHosts().stream().map(h -> h.trim().toLowerCase(Locale.ROOT)).anyMatch(h ->
                h.startsWith("*.") ? host.endsWith(h.substring(1)) : host.equals(h));
    }

    /**
     * Sends a notice to every device of a person. Succeeds when one device took it; a device whose subscription
     * is gone (404, 410) is forgotten; fails, to be retried, when none took it.
     */
    void send(String username, Notice notice, String subject) throws DeliveryFailure {
        List<PushSubscriptionRow> devices = subscriptions.findByUsername(username);
        if (devices.isEmpty()) {
            throw new DeliveryFailure("No device of " + username + " has Web Push turned on");
        }
        byte[] payload = payload(notice);
        int delivered = 0;
        StringBuilder errors = new StringBuilder();
        for (PushSubscriptionRow device : devices) {
            try {
                int status = post(device, payload, subject);
                if (status == 404 || status == 410) {
                    subscriptions.deleteById(device.id());
                    LOG.info("Web Push subscription of {} is gone (HTTP {}); forgotten", username, status);
                } else if (status >= 200 && status < 300) {
                    subscriptions.markDelivered(device.id(), clock.instant());
                    delivered++;
                } else {
                    errors.append(errors.isEmpty() ? "" : "; ").append("HTTP ").append(status).append(" from ").append(host(device));
                }
            } catch (IOException | GeneralSecurityException e) {
                errors.append(errors.isEmpty() ? "" : "; ").append(host(device)).append(": ").append(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DeliveryFailure("Interrupted");
            }
        }
        if (delivered == 0) {
            throw new DeliveryFailure(errors.isEmpty() ? "No device of " + username + " has Web Push turned on" : errors.toString());
        }
    }

    private int post(PushSubscriptionRow device, byte[] payload, String subject)
            throws IOException, InterruptedException, GeneralSecurityException {
        if (!allowed(device.endpoint())) {
            throw new GeneralSecurityException("endpoint not allowed");
        }
        byte[] body = encrypt(payload, decodePoint(B64URL_IN.decode(device.p256dh())), B64URL_IN.decode(device.auth()),
                newKeyPair(), randomBytes(16));
        URI endpoint = URI.create(device.endpoint());
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(settings.timeout())
                .header("Content-Type", "application/octet-stream")
                .header("Content-Encoding", "aes128gcm")
                .header("TTL", Long.toString(TTL.toSeconds()))
                .header("Urgency", "high")
                .header("Authorization", "vapid t=" + vapidToken(endpoint, subject) + ", k=" + publicKey())
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private byte[] payload(Notice notice) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("title", notice.subject());
        // the message alone: the links travel as data, and a tap on the notice opens them
        String body = notice.message().getOrDefault(notice.language(), notice.text());
        p.put("body", body);
        p.put("tag", notice.incident() == null ? notice.kind() : notice.incident().toString());
        if (notice.incidentUrl() != null) {
            p.put("url", notice.incidentUrl());
        }
        if (notice.ackUrl() != null) {
            p.put("ackUrl", notice.ackUrl());
        }
        try {
            byte[] bytes = json.writeValueAsBytes(p);
            if (bytes.length > MAX_PLAINTEXT) {
                p.put("body", body.substring(0, Math.min(body.length(), 600)) + "…");
                bytes = json.writeValueAsBytes(p);
            }
            return bytes;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A VAPID JWT (ES256) for the push service's origin, valid for 12 hours. */
    String vapidToken(URI endpoint, String subject) throws GeneralSecurityException {
        String audience = endpoint.getScheme() + "://" + endpoint.getHost() + (endpoint.getPort() == -1 ? "" : ":" + endpoint.getPort());
        long exp = clock.instant().plus(TTL).getEpochSecond();
        String header = B64URL.encodeToString("{\"typ\":\"JWT\",\"alg\":\"ES256\"}".getBytes(StandardCharsets.UTF_8));
        String claims;
        try {
            claims = B64URL.encodeToString(json.writeValueAsBytes(Map.of("aud", audience, "exp", exp, "sub", subject)));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initSign(keys().getPrivate());
        es256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + B64URL.encodeToString(es256.sign());
    }

    /**
     * RFC 8291: the payload encrypted for one browser, as one {@code aes128gcm} record with its header
     * (salt, record size, the server's ephemeral public key).
     */
    static byte[] encrypt(byte[] plaintext, ECPublicKey browserKey, byte[] authSecret, KeyPair ephemeral, byte[] salt)
            throws GeneralSecurityException {
        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(ephemeral.getPrivate());
        ecdh.doPhase(browserKey, true);
        byte[] shared = ecdh.generateSecret();
        byte[] browserPoint = uncompressed(browserKey);
        byte[] serverPoint = uncompressed((ECPublicKey) ephemeral.getPublic());

        byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), browserPoint, serverPoint);
        byte[] ikm = hkdf(authSecret, shared, keyInfo, 32);
        byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
        byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        // the last (and only) record ends with the delimiter 0x02, no padding
        byte[] ciphertext = aes.doFinal(concat(plaintext, new byte[]{2}));

        int recordSize = 4096;
        ByteBuffer header = ByteBuffer.allocate(16 + 4 + 1 + serverPoint.length);
        header.put(salt).putInt(recordSize).put((byte) serverPoint.length).put(serverPoint);
        return concat(header.array(), ciphertext);
    }

    /** HKDF-SHA-256 (RFC 5869) for outputs of one block at most. */
    static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        byte[] prk = mac.doFinal(ikm);
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    static KeyPair newKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    static byte[] uncompressed(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        fixed(key.getW().getAffineX(), out, 1);
        fixed(key.getW().getAffineY(), out, 33);
        return out;
    }

    static ECPublicKey decodePoint(byte[] point) throws GeneralSecurityException {
        if (point.length != 65 || point[0] != 4) {
            throw new GeneralSecurityException("not an uncompressed P-256 point");
        }
        BigInteger x = new BigInteger(1, Arrays.copyOfRange(point, 1, 33));
        BigInteger y = new BigInteger(1, Arrays.copyOfRange(point, 33, 65));
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(new ECPoint(x, y), spec));
    }

    /** Whether a browser's key and secret are well formed (checked when a device subscribes). */
    static boolean validKeys(String p256dh, String auth) {
        try {
            decodePoint(B64URL_IN.decode(p256dh));
            return B64URL_IN.decode(auth).length == 16;
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    static String idOf(String endpoint) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(endpoint.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private KeyPair keys() {
        KeyPair k = keys;
        if (k == null) {
            synchronized (this) {
                if (keys == null) {
                    keys = loadOrCreate();
                }
                k = keys;
            }
        }
        return k;
    }

    private KeyPair loadOrCreate() {
        try {
            VapidRow row = vapid.findById(1).orElse(null);
            if (row == null) {
                KeyPair fresh = newKeyPair();
                try {
                    vapid.save(new VapidRow(1, B64URL.encodeToString(uncompressed((ECPublicKey) fresh.getPublic())),
                            Base64.getEncoder().encodeToString(fresh.getPrivate().getEncoded()), clock.instant()));
                    LOG.info("Made the VAPID key pair for Web Push");
                    return fresh;
                } catch (RuntimeException anotherNodeWasFirst) {
                    row = vapid.findById(1).orElseThrow(() -> anotherNodeWasFirst);
                }
            }
            ECPublicKey pub = decodePoint(B64URL_IN.decode(row.publicKey()));
            ECPrivateKey priv = (ECPrivateKey) KeyFactory.getInstance("EC")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(row.privateKey())));
            return new KeyPair(pub, priv);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The VAPID key pair cannot be read", e);
        }
    }

    private static String host(PushSubscriptionRow device) {
        try {
            return URI.create(device.endpoint()).getHost();
        } catch (IllegalArgumentException e) {
            return "?";
        }
    }

    private static void fixed(BigInteger n, byte[] out, int at) {
        byte[] b = n.toByteArray();
        int len = Math.min(b.length, 32);
        System.arraycopy(b, b.length - len, out, at + 32 - len, len);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
