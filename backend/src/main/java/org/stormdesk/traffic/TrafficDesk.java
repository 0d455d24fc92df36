package org.stormdesk.traffic;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.traffic.db.TrafficStore;
import org.stormdesk.traffic.internal.SurgeWatch;

import java.io.IOException;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Volume surges through the API: the queue registry, samples pushed live or imported as history (each judged alone, the
 * good ones stored and run through the surge detector in time order), the surges found, each queue's status and
 * forecast for the dashboard, and Erlang staffing.
 */
@Singleton
public class TrafficDesk {

    public static final int MAX_BATCH = 5000;
    public static final Set<String> CHANNELS = Set.of("voice", "chat");
    /** A platform's clock may run a little ahead of ours. */
    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,39}");
    public static final String ACTION_SETTING = "surge.action";

    private final TrafficStore store;
    private final SurgeWatch watch;
    private final Messages messages;
    private final Clock clock;

    public TrafficDesk(TrafficStore store, SurgeWatch watch, Messages messages, Clock clock) {
        this.store = store;
        this.watch = watch;
        this.messages = messages;
        this.clock = clock;
    }

    // ---- queues

    public List<Queue> queues() {
        return store.queues();
    }

    public Optional<Queue> queue(String code) {
        return store.queue(code);
    }

    public Queue saveQueue(Queue q) {
        List<ProblemException.Field> errors = new ArrayList<>();
        if (q.code() == null || !CODE.matcher(q.code()).matches()) {
            errors.add(new ProblemException.Field("code", "traffic.queue.code"));
        }
        if (q.name() == null || q.name().isBlank() || q.name().length() > 200) {
            errors.add(new ProblemException.Field("name", "traffic.queue.name"));
        }
        if (q.channel() == null || !CHANNELS.contains(q.channel())) {
            errors.add(new ProblemException.Field("channel", "traffic.sample.channel"));
        }
        if (q.intervalSeconds() < 60 || 86400 % q.intervalSeconds() != 0) {
            errors.add(new ProblemException.Field("intervalSeconds", "traffic.queue.interval"));
        }
        if (!(q.target() > 0 && q.target() < 1)) {
            errors.add(new ProblemException.Field("target", "traffic.erlang.target"));
        }
        if (q.answerWithin() < 0) {
            errors.add(new ProblemException.Field("answerWithin", "traffic.erlang.positive"));
        }
        if (q.patience() != null && q.patience() <= 0) {
            errors.add(new ProblemException.Field("patience", "traffic.erlang.positive"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        store.queue(q.code()).ifPresent(existing -> {
            if (existing.intervalSeconds() != q.intervalSeconds()) {
                throw ProblemException.invalid("intervalSeconds", "traffic.queue.intervalFixed");
            }
        });
        store.saveQueue(q, clock.instant());
        return store.queue(q.code()).orElseThrow();
    }

    // ---- samples

    /** What a batch of samples came to, one result per sample in order, and the surges that started now. */
    @io.micronaut.serde.annotation.Serdeable
    public record Ingested(List<SampleResult> results, List<Surge> surges) {
    }

    /** Stores the good samples of a batch, refuses each bad one alone with its reason, and runs detection over the new ones. */
    public Ingested ingest(List<Sample> samples, Locale locale) {
        return ingest(samples, locale, false);
    }

    private Ingested ingest(List<Sample> samples, Locale locale, boolean history) {
        if (samples.size() > MAX_BATCH) {
            throw ProblemException.invalid("samples", "traffic.sample.batch", MAX_BATCH);
        }
        Instant now = clock.instant();
        Map<String, Optional<Queue>> queues = new LinkedHashMap<>();
        SampleResult[] results = new SampleResult[samples.size()];
        List<Integer> good = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            Sample s = samples.get(i);
            Optional<Queue> queue = s == null || s.queue() == null ? Optional.empty()
                    : queues.computeIfAbsent(s.queue(), store::queue);
            String[] fault = fault(s, queue.orElse(null), now);
            if (fault != null) {
                Object arg = fault.length > 2 ? fault[2] : null;
                results[i] = new SampleResult(i, SampleResult.REFUSED, fault[0], messages.get(locale, fault[1], arg));
            } else {
                good.add(i);
            }
        }
        List<Sample> toStore = good.stream().map(i -> normalized(samples.get(i), queues.get(samples.get(i).queue()).orElseThrow())).toList();
        boolean[] stored = toStore.isEmpty() ? new boolean[0] : store.write(c -> store.insert(c, toStore, now));
        Map<String, List<Sample>> fresh = new LinkedHashMap<>();
        for (int k = 0; k < good.size(); k++) {
            int i = good.get(k);
            results[i] = new SampleResult(i, stored[k] ? SampleResult.STORED : SampleResult.DUPLICATE, null, null);
            if (stored[k]) {
                fresh.computeIfAbsent(toStore.get(k).queue(), q -> new ArrayList<>()).add(toStore.get(k));
            }
        }
        List<Surge> surges = new ArrayList<>();
        for (Map.Entry<String, List<Sample>> e : fresh.entrySet()) {
            Queue queue = queues.get(e.getKey()).orElseThrow();
            List<Sample> list = new ArrayList<>(e.getValue());
            list.sort(Comparator.comparing(Sample::intervalStart));
            Instant lastJudged = watch.lastJudged(queue);
            if (history && lastJudged != null && !list.getFirst().intervalStart().isAfter(lastJudged)) {
                // history older than what was judged: judge the queue's whole history again, in time order
                watch.replay(queue);
            } else {
                surges.addAll(watch.judge(queue, list, history));
            }
        }
        List<Surge> opened = new ArrayList<>();
        boolean open = "open".equals(store.setting(ACTION_SETTING, "propose"));
        for (Surge s : surges) {
            opened.add(open ? watch.openIncident(s, queues.get(s.queue()).orElseThrow()) : s);
        }
        return new Ingested(List.of(results), opened);
    }

    private static Sample normalized(Sample s, Queue q) {
        return new Sample(s.queue(), q.channel(), s.intervalStart(), s.intervalSeconds(), s.offered(), s.answered(), s.abandoned(),
                s.aht() == null ? 0.0 : s.aht(), orZero(s.waitingNow()), orZero(s.longestWait()), orZero(s.agentsStaffed()),
                orZero(s.agentsAvailable()));
    }

    private static int orZero(@Nullable Integer v) {
        return v == null ? 0 : v;
    }

    /** Why a sample is refused ({field, message key, argument?}), or null when it is good. */
    private static String @Nullable [] fault(@Nullable Sample s, @Nullable Queue queue, Instant now) {
        if (s == null || s.queue() == null) {
            return new String[] {"queue", "traffic.sample.queueMissing"};
        }
        if (queue == null) {
            return new String[] {"queue", "traffic.sample.unknownQueue", s.queue()};
        }
        if (s.channel() != null && !s.channel().equals(queue.channel())) {
            return new String[] {"channel", "traffic.sample.channelMismatch", queue.channel()};
        }
        if (s.intervalStart() == null) {
            return new String[] {"intervalStart", "traffic.sample.intervalStart"};
        }
        if (s.intervalSeconds() == null || s.intervalSeconds() != queue.intervalSeconds()) {
            return new String[] {"intervalSeconds", "traffic.sample.intervalSeconds", String.valueOf(queue.intervalSeconds())};
        }
        if (s.intervalStart().getEpochSecond() % queue.intervalSeconds() != 0 || s.intervalStart().getNano() != 0) {
            return new String[] {"intervalStart", "traffic.sample.aligned", String.valueOf(queue.intervalSeconds())};
        }
        if (s.intervalStart().isAfter(now.plus(CLOCK_SKEW))) {
            return new String[] {"intervalStart", "traffic.sample.future"};
        }
        if (s.offered() == null || s.answered() == null || s.abandoned() == null) {
            return new String[] {"offered", "traffic.sample.countsMissing"};
        }
        String[][] counts = {{"offered", String.valueOf(s.offered())}, {"answered", String.valueOf(s.answered())},
                {"abandoned", String.valueOf(s.abandoned())}, {"waitingNow", String.valueOf(s.waitingNow())},
                {"longestWait", String.valueOf(s.longestWait())}, {"agentsStaffed", String.valueOf(s.agentsStaffed())},
                {"agentsAvailable", String.valueOf(s.agentsAvailable())}};
        for (String[] count : counts) {
            if (!"null".equals(count[1]) && Integer.parseInt(count[1]) < 0) {
                return new String[] {count[0], "traffic.sample.negative", count[0]};
            }
        }
        if (s.aht() != null && (s.aht() < 0 || s.aht().isNaN() || s.aht().isInfinite())) {
            return new String[] {"aht", "traffic.sample.negative", "aht"};
        }
        if (s.offered() > 1_000_000) {
            return new String[] {"offered", "traffic.sample.tooMany"};
        }
        return null;
    }

    /** The CSV header of history imports (one sample a row). */
    public static final List<String> CSV_COLUMNS = List.of("queue", "interval_start", "interval_seconds", "offered",
            "answered", "abandoned", "aht", "waiting_now", "longest_wait", "agents_staffed", "agents_available");

    /** Imports history from CSV: rows refused alone (their row numbers in {@code index}, 1 for the first data row), the rest stored and judged in time order. */
    public Ingested importCsv(String csv, Locale locale) {
        List<Sample> samples = new ArrayList<>();
        List<SampleResult> unreadable = new ArrayList<>();
        List<Integer> rowOf = new ArrayList<>();
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                .setIgnoreEmptyLines(true).get().parse(new StringReader(csv))) {
            if (!parser.getHeaderNames().containsAll(List.of("queue", "interval_start", "interval_seconds", "offered", "answered", "abandoned"))) {
                throw ProblemException.invalid("csv", "traffic.csv.header", String.join(",", CSV_COLUMNS));
            }
            int row = 0;
            for (CSVRecord r : parser) {
                row++;
                try {
                    samples.add(new Sample(text(r, "queue"), null, Instant.parse(r.get("interval_start")),
                            integer(r, "interval_seconds"), integer(r, "offered"), integer(r, "answered"), integer(r, "abandoned"),
                            text(r, "aht") == null ? null : Double.parseDouble(text(r, "aht")), integer(r, "waiting_now"),
                            integer(r, "longest_wait"), integer(r, "agents_staffed"), integer(r, "agents_available")));
                    rowOf.add(row);
                } catch (DateTimeParseException | IllegalArgumentException e) {
                    unreadable.add(new SampleResult(row, SampleResult.REFUSED, null, messages.get(locale, "traffic.csv.row")));
                }
                if (samples.size() > 500_000) {
                    throw ProblemException.invalid("csv", "traffic.sample.batch", 500_000);
                }
            }
        } catch (IOException e) {
            throw ProblemException.invalid("csv", "traffic.csv.header", String.join(",", CSV_COLUMNS));
        }
        List<SampleResult> results = new ArrayList<>(unreadable);
        List<Surge> surges = new ArrayList<>();
        for (int from = 0; from < samples.size(); from += MAX_BATCH) {
            int to = Math.min(samples.size(), from + MAX_BATCH);
            Ingested part = ingest(samples.subList(from, to), locale, true);
            for (SampleResult r : part.results()) {
                results.add(new SampleResult(rowOf.get(from + r.index()), r.status(), r.field(), r.reason()));
            }
            surges.addAll(part.surges());
        }
        results.sort(Comparator.comparingInt(SampleResult::index));
        return new Ingested(results, surges);
    }

    private static @Nullable String text(CSVRecord r, String column) {
        if (!r.isMapped(column) || !r.isSet(column)) {
            return null;
        }
        String v = r.get(column);
        return v == null || v.isBlank() ? null : v;
    }

    private static @Nullable Integer integer(CSVRecord r, String column) {
        String v = text(r, column);
        return v == null ? null : Integer.valueOf(v);
    }

    /** The start of the last interval judged on a queue, or null when none was. */
    public @Nullable Instant lastReported(String queue) {
        return store.queue(queue).map(watch::lastJudged).orElse(null);
    }

    /** Judges a queue's whole stored history again with a fresh detector; answers how many samples it went through. */
    public int replay(String queue) {
        return watch.replay(store.queue(queue).orElseThrow(() -> ProblemException.notFound("traffic.sample.unknownQueue", queue)));
    }

    // ---- surges

    public List<Surge> surges(@Nullable String queue, Instant from, Instant to) {
        return store.surges(queue, from, to);
    }

    /** A manager opens the surge incident a proposed surge asks for (or finds the one it opened). */
    public Surge openIncident(UUID surge) {
        Surge s = store.surge(surge).orElseThrow(() -> ProblemException.notFound("traffic.surge.notFound"));
        return watch.openIncident(s, store.queue(s.queue()).orElseThrow());
    }

    public String surgeAction() {
        return store.setting(ACTION_SETTING, "propose");
    }

    public void surgeAction(String action) {
        if (!Set.of("open", "propose").contains(action)) {
            throw ProblemException.invalid("action", "traffic.surge.action");
        }
        store.saveSetting(ACTION_SETTING, action);
    }

    // ---- status and forecast

    /** A queue now: the last {@code hours} hours as measured and the next {@code hours} as forecast. */
    public QueueStatus status(String code, int hours) {
        Queue queue = store.queue(code).orElseThrow(() -> ProblemException.notFound("traffic.sample.unknownQueue", code));
        SurgeWatch.Watched w = store.read(c -> watch.load(c, queue));
        SurgeDetector d = w.detector();
        Instant now = clock.instant();
        List<Sample> recent = store.recent(code, now.minus(Duration.ofHours(hours)));
        double aht = w.aht() > 0 ? w.aht() : 180;
        List<QueueStatus.Point> points = new ArrayList<>();
        for (Sample s : recent) {
            double expected = d.expected(SurgeDetector.slot(s.intervalStart(), watch.zone(), queue.intervalSeconds()));
            double sampleAht = s.aht() > 0 ? s.aht() : aht;
            points.add(point(queue, s.intervalStart(), s.offered(), expected, s.agentsStaffed(), sampleAht, s.waitingNow(),
                    s.longestWait(), s.abandoned()));
        }
        // forecast: the learned pattern, leaning on how far off it the queue runs lately, less so the further ahead
        List<QueueStatus.Point> forecast = new ArrayList<>();
        Instant next = recent.isEmpty() ? align(now, queue.intervalSeconds()) : recent.getLast().intervalEnd();
        int steps = hours * 3600 / queue.intervalSeconds();
        double level = d.level();
        for (int h = 0; h < steps; h++) {
            Instant at = next.plusSeconds((long) h * queue.intervalSeconds());
            double expected = d.expected(SurgeDetector.slot(at, watch.zone(), queue.intervalSeconds()));
            if (Double.isNaN(expected)) {
                continue;
            }
            double lean = 1 + (level - 1) * Math.pow(0.85, h);
            forecast.add(point(queue, at, expected * lean, expected, null, aht, null, null, null));
        }
        Surge open = w.openSurge() == null ? null : store.surge(w.openSurge()).orElse(null);
        return new QueueStatus(queue, points.isEmpty() ? null : points.getLast(), points, forecast, open);
    }

    private static Instant align(Instant at, int seconds) {
        return Instant.ofEpochSecond(at.getEpochSecond() - Math.floorMod(at.getEpochSecond(), seconds));
    }

    private static QueueStatus.Point point(Queue q, Instant at, double offered, double expected, @Nullable Integer staffed,
                                           double aht, @Nullable Integer waiting, @Nullable Integer longest, @Nullable Integer abandoned) {
        double erlangs = Erlang.erlangs(offered, q.intervalSeconds(), aht);
        Double patience = q.patience() == null ? null : q.patience().doubleValue();
        int required = Erlang.required(erlangs, aht, q.answerWithin(), q.target(), patience).agents();
        Double sl = null;
        Double asa = null;
        if (staffed != null) {
            Erlang.Performance p = patience == null ? Erlang.c(staffed, erlangs, aht, q.answerWithin())
                    : Erlang.a(staffed, erlangs, aht, q.answerWithin(), patience);
            sl = erlangs <= 0 ? 1.0 : p.serviceLevel();
            if (erlangs <= 0) {
                asa = 0.0;
            } else if (!Double.isInfinite(p.asa())) {
                asa = p.asa();
            }
        }
        return new QueueStatus.Point(at, offered, Double.isNaN(expected) ? null : expected, staffed, required, sl, asa,
                waiting, longest, abandoned);
    }

    // ---- staffing

    /** The fewest agents for a service-level target (Erlang C, or A with patience) for a volume in an interval. */
    public static Erlang.Performance staffing(double offered, double intervalSeconds, double aht, double target,
                                              double answerWithin, @Nullable Double patience) {
        List<ProblemException.Field> errors = new ArrayList<>();
        if (!(offered >= 0) || offered > 10_000_000) {
            errors.add(new ProblemException.Field("offered", "traffic.erlang.positive"));
        }
        if (!(intervalSeconds > 0)) {
            errors.add(new ProblemException.Field("interval", "traffic.erlang.positive"));
        }
        if (!(aht > 0)) {
            errors.add(new ProblemException.Field("aht", "traffic.erlang.positive"));
        }
        if (!(target > 0 && target < 1)) {
            errors.add(new ProblemException.Field("target", "traffic.erlang.target"));
        }
        if (!(answerWithin >= 0)) {
            errors.add(new ProblemException.Field("answerWithin", "traffic.erlang.positive"));
        }
        if (patience != null && !(patience > 0)) {
            errors.add(new ProblemException.Field("patience", "traffic.erlang.positive"));
        }
        if (errors.isEmpty() && Erlang.erlangs(offered, intervalSeconds, aht) > 50_000) {
            errors.add(new ProblemException.Field("offered", "traffic.erlang.tooLarge", 50_000));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return Erlang.required(Erlang.erlangs(offered, intervalSeconds, aht), aht, answerWithin, target, patience);
    }
}
