package org.stormdesk.capture;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The rules a captured customer record must meet (the PWA applies the same ones before sending). */
class CaptureRulesTest {

    static final Instant AT = Instant.parse("2026-11-29T08:00:00Z");

    static Map<String, Object> good() {
        Map<String, Object> p = new HashMap<>();
        p.put("name", "王芳");
        p.put("phone", "13800138000");
        p.put("matter", "Bill paid twice this month");
        p.put("category", "billing");
        p.put("callbackPromised", true);
        p.put("callbackDueAt", AT.plus(Duration.ofHours(2)).toString());
        p.put("source", "panel");
        return p;
    }

    static String refusal(Map<String, Object> p) {
        return CaptureRules.check(p, AT).map(CaptureRules.Refusal::key).orElse("accepted");
    }

    @Test
    void aCompleteRecordIsAccepted() {
        assertThat(refusal(good())).isEqualTo("accepted");
    }

    @Test
    void mainlandNumbersNeedNoPrefixAndInternationalOnesStartWithPlus() {
        assertThat(CaptureRules.normalizePhone("13800138000")).contains("+8613800138000");
        assertThat(CaptureRules.normalizePhone("138 0013 8000")).contains("+8613800138000");
        assertThat(CaptureRules.normalizePhone("021-5555 0100")).contains("+862155550100");
        assertThat(CaptureRules.normalizePhone("+86 138 0013 8000")).contains("+8613800138000");
        assertThat(CaptureRules.normalizePhone("+44 20 7946 0958")).contains("+442079460958");
        assertThat(CaptureRules.normalizePhone("+1 650 253 0000")).contains("+16502530000");
        assertThat(CaptureRules.normalizePhone("12345")).isEmpty();
        assertThat(CaptureRules.normalizePhone("1380013800")).isEmpty();
        assertThat(CaptureRules.normalizePhone("call me")).isEmpty();
        assertThat(CaptureRules.normalizePhone("44 20 7946 0958")).isEmpty();
        assertThat(CaptureRules.normalizePhone("138+00138000")).isEmpty();
    }

    @Test
    void eachMissingOrBadFieldHasItsOwnReason() {
        Map<String, Object> p = good();
        p.remove("name");
        assertThat(refusal(p)).isEqualTo("capture.refused.required.name");
        p = good();
        p.put("phone", "12345");
        assertThat(refusal(p)).isEqualTo("capture.refused.phone");
        p = good();
        p.put("matter", "x".repeat(CaptureRules.MAX_MATTER + 1));
        assertThat(refusal(p)).isEqualTo("capture.refused.tooLong.matter");
        p = good();
        p.put("name", "x".repeat(CaptureRules.MAX_NAME + 1));
        assertThat(refusal(p)).isEqualTo("capture.refused.tooLong.name");
        p = good();
        p.put("category", "weather");
        assertThat(refusal(p)).isEqualTo("capture.refused.category");
        p = good();
        p.put("source", "fax");
        assertThat(refusal(p)).isEqualTo("capture.refused.source");
        p = good();
        p.put("callbackPromised", "yes");
        assertThat(refusal(p)).isEqualTo("capture.refused.promised");
    }

    @Test
    void aPromisedCallbackNeedsASensibleDueTime() {
        Map<String, Object> p = good();
        p.remove("callbackDueAt");
        assertThat(refusal(p)).isEqualTo("capture.refused.dueMissing");
        p.put("callbackDueAt", "tomorrow");
        assertThat(refusal(p)).isEqualTo("capture.refused.dueMalformed");
        p.put("callbackDueAt", AT.minus(Duration.ofHours(1)).toString());
        assertThat(refusal(p)).isEqualTo("capture.refused.dueRange");
        p.put("callbackDueAt", AT.plus(Duration.ofDays(31)).toString());
        assertThat(refusal(p)).isEqualTo("capture.refused.dueRange");
        p.put("callbackDueAt", AT.plus(Duration.ofDays(29)).toString());
        assertThat(refusal(p)).isEqualTo("accepted");
        p.put("callbackPromised", false);
        assertThat(refusal(p)).isEqualTo("capture.refused.dueWithoutPromise");
        p.remove("callbackDueAt");
        assertThat(refusal(p)).isEqualTo("accepted");
    }

    @Test
    void numbersAreMaskedButForTheirEnds() {
        assertThat(CaptureRules.mask("+8613800138000")).isEqualTo("+861********00");
        assertThat(CaptureRules.display("+8613800138000")).isEqualTo("138 0013 8000");
        assertThat(CaptureRules.display("+442079460958")).isEqualTo("+44 20 7946 0958");
    }
}
