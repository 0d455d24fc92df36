package org.stormdesk.notify.internal;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

/** The signatures the channels ask for, each as its owner documents it. */
public final class Signatures {

    private Signatures() {
    }

    /** Our webhook: {@code X-Stormdesk-Signature: sha256=<hex of HMAC-SHA256(secret, body)>}. */
    public static String webhook(String secret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), body));
    }

    /**
     * DingTalk group robot ("加签"): HMAC-SHA256 keyed with the secret over {@code timestamp + "\n" + secret},
     * Base64, then URL-encoded; sent as the {@code timestamp} (milliseconds) and {@code sign} query parameters.
     */
    public static String dingTalk(String secret, long timestampMillis) {
        byte[] mac = hmac(secret.getBytes(StandardCharsets.UTF_8),
                (timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
        return URLEncoder.encode(Base64.getEncoder().encodeToString(mac), StandardCharsets.UTF_8);
    }

    /**
     * Feishu custom bot: {@code timestamp + "\n" + secret} (seconds) is the HMAC-SHA256 key, over an empty
     * message, Base64; sent as {@code timestamp} and {@code sign} in the JSON body.
     */
    public static String feishu(String secret, long timestampSeconds) {
        byte[] mac = hmac((timestampSeconds + "\n" + secret).getBytes(StandardCharsets.UTF_8), new byte[0]);
        return Base64.getEncoder().encodeToString(mac);
    }

    static byte[] hmac(byte[] key, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
