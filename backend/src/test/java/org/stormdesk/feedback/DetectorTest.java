package org.stormdesk.feedback;

import org.junit.jupiter.api.Test;
import org.stormdesk.feedback.internal.ContactStream;
import org.stormdesk.feedback.internal.Detector;
import org.stormdesk.feedback.internal.TextKeys;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The detector's parts, one behaviour each (the quality test measures the whole). */
class DetectorTest {

    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    static final Instant MONDAY = LocalDate.of(2026, 3, 2).atStartOfDay(ZONE).toInstant();

    @Test
    void chinese_is_read_as_character_ngrams_without_spaces() {
        assertThat(TextKeys.phrases("页面打不开")).contains("p:页面", "p:打不开", "p:页面打不", "p:面打不开")
                .doesNotContain("p:页", "p:页面打不开");
        assertThat(TextKeys.phrases("ＡＰＰ无法登录！")).contains("p:无法登录", "p:app");
    }

    @Test
    void english_is_read_as_words_with_contractions_spelled_out_and_numbers_dropped() {
        assertThat(TextKeys.phrases("I CAN'T log in, order 12345")).contains("p:cannot", "p:cannot log", "p:cannot log in", "p:order")
                .doesNotContain("p:12345", "p:i");
        assertThat(TextKeys.phrases("Login fails")).contains("p:log in fails");
    }

    @Test
    void a_mixed_text_keeps_its_scripts_apart() {
        List<TextKeys.Run> runs = TextKeys.runs("客户说app打不开");
        assertThat(runs).hasSize(3);
        assertThat(runs.get(1).units()).containsExactly("app");
    }

    @Test
    void one_new_phrase_is_one_alert_named_by_the_whole_phrase_with_its_count() {
        Detector d = new Detector(Detector.Tuning.defaults(), ZONE);
        ContactStream stream = new ContactStream(5, MONDAY, 2, 2, 40, ZONE);
        stream.forEach(List.of(), c -> d.take(c.signal()));
        Instant at = d.now();
        List<Detector.Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            at = at.plusSeconds(20);
            String text = i % 2 == 0 ? "您好，你们的页面打不开了" : "官网页面打不开，一直转圈";
            outcomes.add(d.take(new Detector.Signal(UUID.randomUUID(), at, "OTHER", "web", text, false)));
        }
        List<Detector.Group> raised = outcomes.stream().filter(Detector.Outcome::raised).map(Detector.Outcome::problem).toList();
        assertThat(raised).hasSize(1);
        Detector.Group g = raised.getFirst();
        assertThat(g.label()).isEqualTo("p:页面打不开");
        assertThat(g.contacts()).isGreaterThan(25);
        assertThat(g.ratio()).isGreaterThan(3);
        assertThat(g.samples()).hasSize(5);
        assertThat(g.firstSeen()).isBefore(g.raisedAt());
        assertThat(g.mostProduct()).isEqualTo("web");
    }

    @Test
    void an_agents_flag_counts_as_several_contacts() {
        Detector d = new Detector(Detector.Tuning.defaults(), ZONE);
        new ContactStream(5, MONDAY, 2, 2, 40, ZONE).forEach(List.of(), c -> d.take(c.signal()));
        Instant at = d.now().plusSeconds(5);
        Detector.Outcome first = d.take(new Detector.Signal(UUID.randomUUID(), at, null, null, "很多客户说优惠码失效了", true));
        Detector.Outcome second = d.take(new Detector.Signal(UUID.randomUUID(), at.plusSeconds(30), null, null, "优惠码失效了", true));
        assertThat(first.raised()).isFalse();
        assertThat(second.raised()).isTrue();
        assertThat(second.problem().label()).isEqualTo("p:优惠码失效了");
        assertThat(second.problem().flags()).isEqualTo(1);
    }

    @Test
    void a_flag_is_read_without_the_words_every_flag_starts_with() {
        assertThat(org.stormdesk.feedback.internal.FeedbackEntries.said("很多客户说优惠码失效了")).isEqualTo("优惠码失效了");
        assertThat(org.stormdesk.feedback.internal.FeedbackEntries.said("客户反映：无法登录")).isEqualTo("无法登录");
        assertThat(org.stormdesk.feedback.internal.FeedbackEntries.said("Many customers are saying: can't log in")).isEqualTo("can't log in");
        assertThat(org.stormdesk.feedback.internal.FeedbackEntries.said("优惠码失效了")).isEqualTo("优惠码失效了");
        assertThat(org.stormdesk.feedback.internal.FeedbackEntries.said("很多客户说")).isEqualTo("很多客户说");
    }

    @Test
    void a_code_that_is_always_busier_in_the_evening_is_not_a_problem_in_the_evening() {
        // DELIVERY is asked about three times as much after 17:00 in the generated stream; with no problem injected,
        // a third and fourth day raise nothing once the first two have been learned
        Detector d = new Detector(Detector.Tuning.defaults(), ZONE);
        List<Detector.Group> raised = new ArrayList<>();
        new ContactStream(9, MONDAY, 4, 4, 40, ZONE).forEach(List.of(), c -> {
            Detector.Outcome o = d.take(c.signal());
            if (o.raised() && c.signal().at().isAfter(MONDAY.plus(Duration.ofDays(2)))) {
                raised.add(o.problem());
            }
        });
        assertThat(raised).isEmpty();
    }

    @Test
    void memory_is_fixed_however_long_the_stream() {
        Detector d = new Detector(Detector.Tuning.defaults(), ZONE);
        long bytes = d.sketchBytes();
        ContactStream stream = new ContactStream(13, MONDAY, 6, 1, 60, ZONE);
        int[] most = {0};
        stream.forEach(stream.problems(6), c -> {
            d.take(c.signal());
            most[0] = Math.max(most[0], d.heldObjects());
        });
        assertThat(d.sketchBytes()).isEqualTo(bytes);
        Detector.Tuning t = d.tuning();
        int cap = t.maxOpen() * (1 + 48 + 5) + t.maxWatch() * (1 + 36) + 36;
        assertThat(most[0]).isLessThanOrEqualTo(cap);
        assertThat(d.open().size()).isLessThanOrEqualTo(t.maxOpen());
        assertThat(d.watched().size()).isLessThanOrEqualTo(t.maxWatch());
    }

    @Test
    void contacts_too_late_for_the_current_level_do_not_count() {
        Detector d = new Detector(Detector.Tuning.defaults(), ZONE);
        d.take(new Detector.Signal(UUID.randomUUID(), MONDAY.plusSeconds(3600), "BILLING", null, "账单", false));
        assertThat(d.late(MONDAY)).isTrue();
        assertThat(d.take(new Detector.Signal(UUID.randomUUID(), MONDAY, "BILLING", null, "账单", false)).problem()).isNull();
        assertThat(d.seen()).isEqualTo(1);
    }
}
