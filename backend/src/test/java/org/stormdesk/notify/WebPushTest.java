package org.stormdesk.notify;

import io.micronaut.context.annotation.Property;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.stormdesk.journal.Entry;
import org.stormdesk.journal.Journal;
import org.stormdesk.notify.db.DeliveryRepository;
import org.stormdesk.notify.db.DeliveryRow;
import org.stormdesk.notify.internal.DeliverySweep;
import org.stormdesk.support.Api;
import org.stormdesk.support.MutableClock;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.AlgorithmParameters;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Web Push end to end against a push service played by a local HTTP server that does what a browser's push
 * service and the browser do: checks the VAPID signature (RFC 8292) and decrypts the message with the device's
 * own key (RFC 8291). The decryption here is written from the RFC, apart from the server's code.
 */
@MicronautTest(environments = "demo", transactional = false)
@Property(name = "stormdesk.public-url", value = "https://stormdesk.example")
@Property(name = "stormdesk.notify.sweep", value = "false")
@Property(name = "stormdesk.escalation.sweep", value = "false")
@Property(name = "stormdesk.notify.timeout", value = "10s")
@Property(name = "stormdesk.notify.push-hosts", value = "127.0.0.1")
@Property(name = "stormdesk.notify.push-allow-http", value = "true")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPushTest {

    static final Base64.Decoder B64URL = Base64.getUrlDecoder();
    static final Base64.Encoder B64URL_OUT = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    Journal journal;
    @Inject
    MutableClock clock;
    @Inject
    DeliverySweep sweep;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    JsonMapper json;

    Api api;
    Receivers pushService;
    KeyPair device;
    byte[] auth;

    @BeforeEach
    void setUp() throws Exception {
        api = new Api(client);
        if (pushService == null) {
            pushService = new Receivers();
        }
        pushService.reset();
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        device = g.generateKeyPair();
        auth = new byte[16];
        new SecureRandom().nextBytes(auth);
    }

    @AfterAll
    void stop() {
        pushService.close();
    }

    Map<String, Object> subscription(String endpoint) {
        return Map.of("endpoint", endpoint, "keys", Map.of(
                "p256dh", B64URL_OUT.encodeToString(point((ECPublicKey) device.getPublic())), "auth", B64URL_OUT.encodeToString(auth)));
    }

    @Test
    void aPersonsDeviceGetsTheirEscalationsEncryptedAndSignedAndAGoneDeviceIsForgotten() throws Exception {
        String serverKey = (String) api.get("leader", "/api/notify/push/key").get("publicKey");
        assertThat(B64URL.decode(serverKey)).hasSize(65);
        Api.Answer subscribed = api.post("leader", "/api/notify/push/subscriptions", subscription(pushService.url("/push/leader-phone")));
        assertThat(subscribed.status()).isEqualTo(201);
        assertThat(subscribed.get("service")).isEqualTo("127.0.0.1");
        // subscribing the same device again updates it
        assertThat(api.post("leader", "/api/notify/push/subscriptions", subscription(pushService.url("/push/leader-phone"))).status())
                .isEqualTo(201);
        assertThat(api.list("leader", "/api/notify/push/subscriptions")).hasSize(1);

        UUID incident = UUID.fromString((String) api.post("agent1", "/api/reports",
                Map.of("clientId", UUID.randomUUID().toString(), "kind", "website")).get("incidentId"));
        UUID firing = UUID.randomUUID();
        journal.recordAsServer(List.of(Entry.of(firing, NoticeKinds.ESCALATION_FIRED, incident, clock.instant(), Map.of(
                "timer", "escalate", "level", 1, "clause", "S6.2", "audience", List.of("user:leader"), "ackWithin", "PT10M",
                "message", Map.of("zh-CN", "网站故障未解决", "en", "Website failure unresolved", "zh-TW", "網站故障未解決")))));
        sendDue();

        DeliveryRow push = deliveries.findByIncidentIdOrderByCreatedAt(incident).stream()
                .filter(r -> r.entryId().equals(firing) && r.channel().equals("push")).findFirst().orElseThrow();
        assertThat(push.state()).isEqualTo("sent");
        assertThat(push.recipient()).isEqualTo("user:leader");
        List<Receivers.Received> got = pushService.at("/push/leader-phone");
        assertThat(got).hasSize(1);
        Receivers.Received request = got.getFirst();
        assertThat(request.headers()).containsEntry("content-encoding", "aes128gcm").containsKey("ttl");
        checkVapid(request.headers().get("authorization"), serverKey);

        Map<String, Object> message = json.readValue(decrypt(request.bytes()), Argument.mapOf(String.class, Object.class));
        assertThat(message.get("body")).as("in the person's language, without the links").isEqualTo("网站故障未解决");
        assertThat((String) message.get("ackUrl")).startsWith("https://stormdesk.example/");
        assertThat(message.get("tag")).isEqualTo(incident.toString());

        // the browser unsubscribed: the push service answers 410, and the device is forgotten
        pushService.answer("/push/leader-phone", 410);
        Map<String, Object> test = api.post("leader", "/api/notify/push/test", Map.of()).body();
        assertThat(test.get("ok")).isEqualTo(false);
        assertThat(api.list("leader", "/api/notify/push/subscriptions")).isEmpty();
    }

    @Test
    void aTestNoticeReachesOnlyTheCallersOwnDevices() throws Exception {
        api.post("manager", "/api/notify/push/subscriptions", subscription(pushService.url("/push/manager-tablet")));
        Map<String, Object> test = api.post("manager", "/api/notify/push/test", Map.of()).body();
        assertThat(test.get("ok")).isEqualTo(true);
        assertThat(pushService.at("/push/manager-tablet")).hasSize(1);
        Map<String, Object> message = json.readValue(decrypt(pushService.at("/push/manager-tablet").getFirst().bytes()),
                Argument.mapOf(String.class, Object.class));
        assertThat((String) message.get("body")).contains("manager");

        String id = (String) api.list("manager", "/api/notify/push/subscriptions").getFirst().get("id");
        assertThat(api.send(HttpRequest.DELETE("/api/notify/push/subscriptions/" + id), "agent2", "en").status())
                .as("nobody forgets another person's device").isEqualTo(404);
        assertThat(api.send(HttpRequest.DELETE("/api/notify/push/subscriptions/" + id), "manager", "en").status()).isEqualTo(204);
        assertThat(api.list("manager", "/api/notify/push/subscriptions")).isEmpty();
    }

    @Test
    void theServerPostsOnlyToKnownPushServicesWithWellFormedKeys() {
        Api.Answer elsewhere = api.post("agent1", "/api/notify/push/subscriptions", subscription("http://10.0.0.8/internal"), "zh-CN");
        assertThat(elsewhere.status()).isEqualTo(400);
        assertThat(elsewhere.body().toString()).contains("endpoint").contains("推送服务");
        Api.Answer badKeys = api.post("agent1", "/api/notify/push/subscriptions", Map.of("endpoint", pushService.url("/push/x"),
                "keys", Map.of("p256dh", "AAAA", "auth", "BBBB")));
        assertThat(badKeys.status()).isEqualTo(400);
        assertThat(badKeys.body().toString()).contains("keys");
        assertThat(api.post(null, "/api/notify/push/subscriptions", subscription(pushService.url("/push/x"))).status()).isEqualTo(401);
    }

    void sendDue() {
        for (int i = 0; i < 20; i++) {
            List<CompletableFuture<Void>> sending = sweep.sweep();
            if (sending.isEmpty()) {
                return;
            }
            CompletableFuture.allOf(sending.toArray(CompletableFuture[]::new)).join();
        }
    }

    /** RFC 8292: {@code vapid t=JWT, k=key}; the JWT is ES256 over the push service's origin. */
    void checkVapid(String authorization, String serverKey) throws Exception {
        assertThat(authorization).startsWith("vapid t=").contains(", k=" + serverKey);
        String jwt = authorization.substring("vapid t=".length(), authorization.indexOf(','));
        String[] parts = jwt.split("\\.");
        Signature es256 = Signature.getInstance("SHA256withECDSAinP1363Format");
        es256.initVerify(key(B64URL.decode(serverKey)));
        es256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        assertThat(es256.verify(B64URL.decode(parts[2]))).as("the VAPID signature").isTrue();
        Map<String, Object> claims = json.readValue(B64URL.decode(parts[1]), Argument.mapOf(String.class, Object.class));
        assertThat(claims.get("aud")).isEqualTo(pushService.url("").replaceAll("/$", ""));
        assertThat(((Number) claims.get("exp")).longValue()).isGreaterThan(Instant.now().getEpochSecond());
        assertThat((String) claims.get("sub")).startsWith("mailto:");
    }

    /** RFC 8291, section 3, as the browser does it with its private key and auth secret. */
    byte[] decrypt(byte[] body) throws Exception {
        ByteBuffer in = ByteBuffer.wrap(body);
        byte[] salt = new byte[16];
        in.get(salt);
        int recordSize = in.getInt();
        assertThat(recordSize).isGreaterThanOrEqualTo(18);
        byte[] serverPoint = new byte[in.get() & 0xff];
        in.get(serverPoint);
        byte[] ciphertext = new byte[in.remaining()];
        in.get(ciphertext);

        KeyAgreement ecdh = KeyAgreement.getInstance("ECDH");
        ecdh.init(device.getPrivate());
        ecdh.doPhase(key(serverPoint), true);
        byte[] shared = ecdh.generateSecret();
        byte[] info = concat("WebPush: info".getBytes(StandardCharsets.US_ASCII), new byte[]{0},
                point((ECPublicKey) device.getPublic()), serverPoint);
        byte[] ikm = expand(extract(auth, shared), info, 32);
        byte[] prk = extract(salt, ikm);
        byte[] cek = expand(prk, concat("Content-Encoding: aes128gcm".getBytes(StandardCharsets.US_ASCII), new byte[]{0}), 16);
        byte[] nonce = expand(prk, concat("Content-Encoding: nonce".getBytes(StandardCharsets.US_ASCII), new byte[]{0}), 12);
        Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
        aes.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
        byte[] padded = aes.doFinal(ciphertext);
        int end = padded.length - 1;
        while (end >= 0 && padded[end] == 0) {
            end--;
        }
        assertThat(padded[end]).as("the last record's delimiter").isEqualTo((byte) 2);
        return Arrays.copyOf(padded, end);
    }

    static byte[] extract(byte[] salt, byte[] ikm) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(salt, "HmacSHA256"));
        return mac.doFinal(ikm);
    }

    static byte[] expand(byte[] prk, byte[] info, int length) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(prk, "HmacSHA256"));
        mac.update(info);
        mac.update((byte) 1);
        return Arrays.copyOf(mac.doFinal(), length);
    }

    static byte[] point(ECPublicKey key) {
        byte[] out = new byte[65];
        out[0] = 4;
        byte[] x = key.getW().getAffineX().toByteArray();
        byte[] y = key.getW().getAffineY().toByteArray();
        int xl = Math.min(32, x.length);
        int yl = Math.min(32, y.length);
        System.arraycopy(x, x.length - xl, out, 33 - xl, xl);
        System.arraycopy(y, y.length - yl, out, 65 - yl, yl);
        return out;
    }

    static PublicKey key(byte[] point) throws Exception {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        ECParameterSpec spec = params.getParameterSpec(ECParameterSpec.class);
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)), new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        return KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(w, spec));
    }

    static byte[] concat(byte[]... parts) {
        int n = Arrays.stream(parts).mapToInt(p -> p.length).sum();
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }
}
