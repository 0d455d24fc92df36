package org.stormdesk.traffic;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.stormdesk.support.Api;
import org.stormdesk.support.MutableClock;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Volume surges (S7.1): samples in, bad ones refused one by one; the surge detector over imported history and live
 * samples alike; a surge happening now opens a surge incident with its evidence; the Erlang calculator.
 */
public abstract class TrafficContract {

    static final int INTERVAL = 900;
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    @Client("/")
    HttpClient client;
    @Inject
    MutableClock clock;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(client);
    }

    String queue(String prefix) {
        String code = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = Map.of("name", "Queue " + code, "channel", "voice", "intervalSeconds", INTERVAL,
                "target", 0.8, "answerWithin", 20);
        Api.Answer a = api.send(HttpRequest.PUT("/api/traffic/queues/" + code, body), "manager", "en");
        assertThat(a.status()).isEqualTo(200);
        return code;
    }

    static Map<String, Object> sample(String queue, Instant start, int offered) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("queue", queue);
        s.put("channel", "voice");
        s.put("intervalStart", start.toString());
        s.put("intervalSeconds", INTERVAL);
        s.put("offered", offered);
        s.put("answered", Math.max(0, offered - offered / 10));
        s.put("abandoned", offered / 10);
        s.put("aht", 240.0);
        s.put("waitingNow", offered / 20);
        s.put("longestWait", 30);
        s.put("agentsStaffed", 12);
        s.put("agentsAvailable", 2);
        return s;
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> push(String user, List<Map<String, Object>> samples, String language) {
        Api.Answer a = api.post(user, "/api/traffic/samples", Map.of("samples", samples), language);
        assertThat(a.status()).isEqualTo(200);
        return (List<Map<String, Object>>) a.get("results");
    }

    static Instant aligned(Instant at) {
        return Instant.ofEpochSecond(at.getEpochSecond() - Math.floorMod(at.getEpochSecond(), INTERVAL));
    }

    @Test
    void badSamplesAreRefusedOneByOneWithClearReasonsAndTheGoodOnesStored() {
        String q = queue("s71");
        Instant last = aligned(clock.instant()).minus(Duration.ofMinutes(15));
        Map<String, Object> negative = sample(q, last.minus(Duration.ofMinutes(15)), 10);
        negative.put("abandoned", -3);
        Map<String, Object> future = sample(q, last.plus(Duration.ofHours(3)), 10);
        Map<String, Object> unknown = sample("no-such-queue", last, 10);
        Map<String, Object> good = sample(q, last, 42);
        List<Map<String, Object>> results = push("manager", List.of(negative, future, unknown, good), "en");
        assertThat(results).extracting(r -> r.get("status")).containsExactly("refused", "refused", "refused", "stored");
        assertThat(results.get(0)).containsEntry("field", "abandoned");
        assertThat((String) results.get(0).get("reason")).contains("abandoned cannot be negative");
        assertThat((String) results.get(1).get("reason")).contains("future");
        assertThat((String) results.get(2).get("reason")).contains("no-such-queue");
        // in Chinese, too
        List<Map<String, Object>> zh = push("manager", List.of(unknown), "zh-CN");
        assertThat((String) zh.getFirst().get("reason")).contains("没有队列");
        // the good one is there once: sent again it is a duplicate
        assertThat(push("manager", List.of(good), "en").getFirst()).containsEntry("status", "duplicate");
        // agents may not push samples; nobody signed out may
        assertThat(api.post("agent1", "/api/traffic/samples", Map.of("samples", List.of(good))).status()).isEqualTo(403);
        assertThat(api.post(null, "/api/traffic/samples", Map.of("samples", List.of(good))).status()).isEqualTo(401);
    }

    /** Four weeks of a queue's history, with one ×3 surge on the last weekday afternoon but one. */
    static List<Map<String, Object>> history(String queue, Instant end, int surgeAt) {
        int count = 4 * 7 * 96;
        Instant from = end.minus(Duration.ofSeconds((long) count * INTERVAL));
        TrafficPattern pattern = new TrafficPattern(60, SHANGHAI, Duration.ofSeconds(INTERVAL), 7);
        int[] offered = pattern.generate(from, count, surgeAt < 0 ? List.of()
                : List.of(new TrafficPattern.Injected(surgeAt, 8, 3, TrafficPattern.Shape.STEP)));
        List<Map<String, Object>> list = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            list.add(sample(queue, from.plusSeconds((long) i * INTERVAL), offered[i]));
        }
        return list;
    }

    static String csv(List<Map<String, Object>> samples) {
        StringBuilder csv = new StringBuilder(String.join(",", TrafficDesk.CSV_COLUMNS)).append('\n');
        for (Map<String, Object> s : samples) {
            csv.append(s.get("queue")).append(',').append(s.get("intervalStart")).append(',').append(s.get("intervalSeconds"))
                    .append(',').append(s.get("offered")).append(',').append(s.get("answered")).append(',')
                    .append(s.get("abandoned")).append(',').append(s.get("aht")).append(',').append(s.get("waitingNow"))
                    .append(',').append(s.get("longestWait")).append(',').append(s.get("agentsStaffed")).append(',')
                    .append(s.get("agentsAvailable")).append('\n');
        }
        return csv.toString();
    }

    @SuppressWarnings("unchecked")
    @Test
    void importedHistoryIsJudgedExactlyAsIfItHadComeLive() {
        // the history ends at a Shanghai midnight before a Thursday, whatever the hour the test runs at,
        // so the injected surge always lands on a Tuesday at 14:00 Shanghai
        LocalDate day = LocalDate.ofInstant(clock.instant(), SHANGHAI).minusDays(2);
        while (day.getDayOfWeek() != DayOfWeek.THURSDAY) {
            day = day.minusDays(1);
        }
        Instant end = day.atStartOfDay(SHANGHAI).toInstant();
        int surgeAt = 4 * 7 * 96 - 96 * 2 + 56; // 14:00 Shanghai, two days before the end
        String imported = queue("hist");
        String live = queue("live");
        List<Map<String, Object>> history = history(imported, end, surgeAt);

        Api.Answer a = api.send(HttpRequest.POST("/api/traffic/samples/import", csv(history) + "garbage,row\n")
                .contentType(MediaType.of("text/csv")), "manager", "en");
        assertThat(a.status()).isEqualTo(200);
        List<Map<String, Object>> results = (List<Map<String, Object>>) a.get("results");
        assertThat(results).hasSize(history.size() + 1);
        assertThat(results.stream().filter(r -> "stored".equals(r.get("status")))).hasSize(history.size());
        assertThat(results.getLast()).containsEntry("status", "refused").containsEntry("index", history.size() + 1);

        // the same counts pushed live, in batches of a day, on another queue
        List<Map<String, Object>> same = history.stream().map(s -> {
            Map<String, Object> copy = new LinkedHashMap<>(s);
            copy.put("queue", live);
            return copy;
        }).toList();
        for (int from = 0; from < same.size(); from += 96) {
            push("manager", same.subList(from, Math.min(same.size(), from + 96)), "en");
        }

        String window = "&from=" + end.minus(Duration.ofDays(40)) + "&to=" + end.plus(Duration.ofDays(1));
        List<Map<String, Object>> fromImport = api.list("lead1", "/api/traffic/surges?queue=" + imported + window);
        List<Map<String, Object>> fromLive = api.list("manager", "/api/traffic/surges?queue=" + live + window);
        assertThat(fromImport).isNotEmpty();
        assertThat(fromImport).extracting(s -> List.of(s.get("startedAt"), s.get("detectedAt"), String.valueOf(s.get("endedAt")),
                        s.get("peakOffered"), s.get("peakExpected")))
                .isEqualTo(fromLive.stream().map(s -> List.of(s.get("startedAt"), s.get("detectedAt"), String.valueOf(s.get("endedAt")),
                        s.get("peakOffered"), s.get("peakExpected"))).toList());
        // the injected surge is among them: found within two intervals of its start, its peak well above the expected
        Instant injected = Instant.parse((String) history.get(surgeAt).get("intervalStart"));
        Map<String, Object> found = fromImport.stream()
                .filter(s -> !Instant.parse((String) s.get("detectedAt")).isBefore(injected)
                        && !Instant.parse((String) s.get("startedAt")).isAfter(injected.plus(Duration.ofHours(2))))
                .findFirst().orElseThrow();
        assertThat(Duration.between(injected, Instant.parse((String) found.get("detectedAt")))).isLessThanOrEqualTo(Duration.ofMinutes(30));
        assertThat(((Number) found.get("peakOffered")).doubleValue()).isGreaterThan(2 * ((Number) found.get("peakExpected")).doubleValue());
        assertThat(found).containsEntry("action", "replayed").containsEntry("state", "ended");
        // agents do not read surges
        assertThat(api.get("agent1", "/api/traffic/surges?queue=" + imported).status()).isEqualTo(403);
    }

    @SuppressWarnings("unchecked")
    @Test
    void s7_1_aSurgeHappeningNowOpensASurgeIncidentWithItsEvidence() {
        assertThat(api.send(HttpRequest.PUT("/api/traffic/settings", Map.of("surgeAction", "open")), "admin", "en").status())
                .isEqualTo(200);
        try {
            // the server's clock moves on to the next Wednesday 11:00 in Shanghai, so that the history and the live samples
            // (a weekday's morning peak) are the same whatever the day and hour the test runs at
            Instant now = aligned(wednesdayMorning());
            Instant end = now.minus(Duration.ofHours(2));
            String q = queue("now");
            List<Map<String, Object>> history = history(q, end, -1);
            api.send(HttpRequest.POST("/api/traffic/samples/import", csv(history)).contentType(MediaType.of("text/csv")), "manager", "en");
            // the last two hours arrive live at three times the usual volume (at least 30 a quarter)
            TrafficPattern pattern = new TrafficPattern(60, SHANGHAI, Duration.ofSeconds(INTERVAL), 7);
            Map<String, Object> last = null;
            for (Instant at = end; at.isBefore(now); at = at.plusSeconds(INTERVAL)) {
                int offered = (int) Math.max(30, 3 * pattern.rate(at));
                Api.Answer a = api.post("manager", "/api/traffic/samples", Map.of("samples", List.of(sample(q, at, offered))));
                assertThat(a.status()).isEqualTo(200);
                List<Map<String, Object>> surges = (List<Map<String, Object>>) a.get("surges");
                if (!surges.isEmpty()) {
                    last = surges.getFirst();
                }
            }
            assertThat(last).as("a surge was detected live").isNotNull();
            assertThat(last).containsEntry("action", "opened").containsEntry("queue", q);
            String incident = (String) last.get("incidentId");
            Map<String, Object> opened = api.get("manager", "/api/incidents/" + incident).body();
            assertThat(opened).containsEntry("kind", "surge");
            List<Map<String, Object>> log = (List<Map<String, Object>>) api.get("manager", "/api/incidents/" + incident + "/log").get("entries");
            assertThat(log.stream().map(l -> String.valueOf(l.get("text")))).anyMatch(t -> t.contains(q) && t.contains("CUSUM"));

            // the status shows it, with staffed against required
            Map<String, Object> status = api.get("manager", "/api/traffic/status/" + q).body();
            assertThat(status.get("surge")).isNotNull();
            Map<String, Object> nowPoint = (Map<String, Object>) status.get("now");
            assertThat(((Number) nowPoint.get("required")).intValue()).isGreaterThan(0);
            assertThat((List<Object>) status.get("forecast")).isNotEmpty();
        } finally {
            api.send(HttpRequest.PUT("/api/traffic/settings", Map.of("surgeAction", "propose")), "admin", "en");
        }
    }

    /** Moves the server's clock on to the next Wednesday 11:00 in Shanghai (never back) and answers that instant. */
    Instant wednesdayMorning() {
        Instant now = clock.instant();
        Instant target = now.atZone(SHANGHAI).with(TemporalAdjusters.nextOrSame(DayOfWeek.WEDNESDAY)).with(LocalTime.of(11, 0))
                .toInstant();
        if (target.isBefore(now)) {
            target = target.atZone(SHANGHAI).plusWeeks(1).toInstant();
        }
        clock.advance(Duration.between(now, target));
        return target;
    }

    @Test
    void theErlangCalculatorAnswersTheFewestAgentsForTheTarget() {
        Api.Answer c = api.get("agent1", "/api/traffic/erlang?offered=100&interval=1800&aht=180&target=0.8&answerWithin=20");
        assertThat(c.status()).isEqualTo(200);
        assertThat(c.body()).containsEntry("agents", 14).containsEntry("model", "erlang-c");
        assertThat(((Number) c.get("serviceLevel")).doubleValue()).isGreaterThanOrEqualTo(0.8);
        assertThat(((Number) c.get("occupancy")).doubleValue()).isCloseTo(10.0 / 14, org.assertj.core.api.Assertions.within(1e-9));
        Api.Answer a = api.get("agent1", "/api/traffic/erlang?offered=100&interval=1800&aht=180&target=0.8&answerWithin=20&patience=60");
        assertThat(a.body()).containsEntry("model", "erlang-a");
        assertThat(((Number) a.get("agents")).intValue()).isLessThanOrEqualTo(14);
        Api.Answer bad = api.get("agent1", "/api/traffic/erlang?offered=-1&interval=1800&aht=0&target=1.5");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.errorContentType()).startsWith("application/problem+json");
        assertThat(bad.body().toString()).contains("offered", "aht", "target");
        assertThat(api.get(null, "/api/traffic/erlang?offered=100&aht=180").status()).isEqualTo(401);
    }
}
