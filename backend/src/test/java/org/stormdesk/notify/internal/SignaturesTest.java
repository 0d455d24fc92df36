package org.stormdesk.notify.internal;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Known answers, computed with openssl (echo -n ... | openssl dgst -sha256 -hmac ... -binary | base64). */
class SignaturesTest {

    @Test
    void webhookIsTheHexHmacOfTheBody() {
        // echo -n '{"a":1}' | openssl dgst -sha256 -hmac s3cret
        assertThat(Signatures.webhook("s3cret", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=" + OPENSSL_WEBHOOK);
    }

    @Test
    void dingTalkSignsTimestampNewlineSecretWithTheSecretAndUrlEncodes() {
        // printf '1700000000000\nSECabc' | openssl dgst -sha256 -hmac SECabc -binary | base64
        assertThat(Signatures.dingTalk("SECabc", 1700000000000L)).isEqualTo(java.net.URLEncoder.encode(OPENSSL_DINGTALK,
                StandardCharsets.UTF_8));
    }

    @Test
    void feishuUsesTimestampNewlineSecretAsTheKeyOverNothing() {
        // printf '' | openssl dgst -sha256 -hmac "$(printf '1700000000\nfsecret')" -binary | base64
        assertThat(Signatures.feishu("fsecret", 1700000000L)).isEqualTo(OPENSSL_FEISHU);
    }

    static final String OPENSSL_WEBHOOK = "5910e62016ef5034272c926c27071992a465c2335cecf41851bda071577f4f6d";
    static final String OPENSSL_DINGTALK = "jcUpW0QmtKduN03n4JqQ0PBosVjqnM8gU7fIIvsDmCM=";
    static final String OPENSSL_FEISHU = "HLzt7YDW5Xjz5Mh4RVOd0NRODMm01O79OcTFVCyWBbQ=";
}
