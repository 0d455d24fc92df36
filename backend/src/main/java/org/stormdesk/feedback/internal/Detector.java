package org.stormdesk.feedback.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Watches the stream of contacts for a reason code or a phrase rising well above its normal level for the time of
 * day (S6.1), and answers, contact by contact, whether this one raised a suspected problem or joined one.
 *
 * <p>For each key (a reason code, or a phrase from {@link TextKeys}) it keeps, in sketches of fixed size:
 * <ul>
 *   <li>the current level: a count decayed with a half-life of {@code halfLife} (about the last quarter hour);</li>
 *   <li>its share of all contacts over days (decayed over {@code longHalfLife});</li>
 *   <li>its share of the contacts at each hour of the day, learned day after day (an average over days).</li>
 * </ul>
 * The normal level now is the key's share (of this hour of the day once a day has been seen, overall before)
 * times the current volume, so a key that is always busier at lunch or in the evening is not a problem, and a
 * busy hour of the day raises every key's normal level with it. A key is hot when its current count is at least
 * {@code minCount}, at least {@code minRatio} times normal, and {@code minZ} standard deviations above it
 * (Poisson). The contact that makes a key hot raises the problem at once; the hot keys of that contact, joined
 * back into the longest phrase they cover, are the problem's signature, and later contacts sharing its label or
 * two of its keys join it instead of raising another alert. An agent's flag counts as {@code flagWeight} contacts.
 *
 * <p>Memory is fixed: the sketches are sized when made, open problems and the watch list are capped and pruned.
 * Not thread-safe on its own: callers hold one lock (it is fast enough for tens of thousands of contacts a minute).
 */
public final class Detector {

    /** How the detector is tuned (the quality test measures the defaults). */
    public record Tuning(Duration halfLife, Duration longHalfLife, double minCount, double minRatio, double minZ,
                         double flagWeight, Duration quiet, Duration lateness, int warmup, int depth, int width,
                         int slotWidth, int maxOpen, int maxWatch) {
        public static Tuning defaults() {
            return new Tuning(Duration.ofMinutes(5), Duration.ofDays(3), 6, 3.0, 5.0, 5, Duration.ofMinutes(60),
                    Duration.ofMinutes(15), 1500, 4, 1 << 15, 1 << 13, 200, 64);
        }
    }

    /** One contact (or flag) as the detector reads it. */
    public record Signal(UUID id, Instant at, String reason, String product, String text, boolean flag) {
    }

    /** What one contact did: raised a new problem, joined an open one, or neither (then {@code problem} is null). */
    public record Outcome(Group problem, boolean raised) {
        static final Outcome NONE = new Outcome(null, false);
    }

    /** A key's level now against normal. */
    public record Level(String key, double current, double expected) {
        public double ratio() {
            return current / Math.max(expected, 0.5);
        }
    }

    /** A sample contact of a problem. */
    public record Sample(UUID id, Instant at, String reason, String product, String text, boolean flag) {
    }

    /** A suspected problem as it grows: one alert however many near-identical contacts join it. */
    public static final class Group {
        final UUID id = UUID.randomUUID();
        final String label;
        final Set<String> keys;
        final Instant firstSeen;
        final Instant raisedAt;
        Instant lastSeen;
        int contacts;
        int flags;
        double current;
        double expected;
        final List<Sample> samples = new ArrayList<>();
        final Map<String, Integer> products = new HashMap<>();
        final Map<String, Integer> reasons = new HashMap<>();

        Group(String label, Set<String> keys, Instant firstSeen, Instant raisedAt, double current, double expected) {
            this.label = label;
            this.keys = keys;
            this.firstSeen = firstSeen;
            this.raisedAt = raisedAt;
            this.lastSeen = raisedAt;
            this.current = current;
            this.expected = expected;
        }

        public UUID id() { return id; }
        public String label() { return label; }
        public Set<String> keys() { return keys; }
        public Instant firstSeen() { return firstSeen; }
        public Instant raisedAt() { return raisedAt; }
        public Instant lastSeen() { return lastSeen; }
        public int contacts() { return contacts; }
        public int flags() { return flags; }
        public double current() { return current; }
        public double expected() { return expected; }
        public double ratio() { return current / Math.max(expected, 0.5); }
        public List<Sample> samples() { return List.copyOf(samples); }

        /** A copy that may be read outside the detector's lock. */
        public View view() {
            return new View(id, label, Set.copyOf(keys), firstSeen, raisedAt, lastSeen, contacts, flags, current,
                    expected, List.copyOf(samples), mostProduct(), mostReason(), Set.copyOf(products.keySet()),
                    Set.copyOf(reasons.keySet()));
        }

        /** The product (or reason code) most of its contacts name, or null. */
        public String mostProduct() { return most(products); }
        public String mostReason() { return most(reasons); }

        private static String most(Map<String, Integer> counts) {
            return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
        }
    }

    /** A problem as it stood when read. */
    public record View(UUID id, String label, Set<String> keys, Instant firstSeen, Instant raisedAt, Instant lastSeen,
                       int contacts, int flags, double current, double expected, List<Sample> samples,
                       String mostProduct, String mostReason, Set<String> products, Set<String> reasons) {
        public double ratio() {
            return current / Math.max(expected, 0.5);
        }
    }

    /** One key on the live screen, with its recent history (points every {@link #POINT}). */
    public record Watched(String key, double current, double expected, List<Point> series) {
    }

    public record Point(Instant at, double current, double expected) {
    }

    static final Duration TICK = Duration.ofSeconds(15);
    static final Duration POINT = Duration.ofMinutes(5);
    static final int POINTS = 36;
    static final int SAMPLES = 5;
    static final int GROUP_KEYS = 48;
    static final int SLOTS = 24;
    /** How many contacts' worth of the overall share an hour-of-day share starts from. */
    static final double PRIOR = 300;
    static final Duration SAME_RISE = Duration.ofMinutes(15);

    private final Tuning t;
    private final ZoneId zone;
    private final Sketch current;
    private final Sketch longTerm;
    private final Sketch hour;
    private final Sketch[] slots = new Sketch[SLOTS];
    private final double[] slotTotals = new double[SLOTS];
    private final int[] slotDays = new int[SLOTS];
    private final float tickDecay;
    private final float longTickDecay;
    private double currentTotal;
    private double longTotal;
    private double hourTotal;
    private long seen;
    private Instant now;
    private long hourIndex = Long.MIN_VALUE;
    private final LinkedHashMap<UUID, Group> open = new LinkedHashMap<>();
    private final Map<String, WatchEntry> watch = new HashMap<>();
    private final Deque totals = new Deque();

    public Detector(Tuning tuning, ZoneId zone) {
        this.t = tuning;
        this.zone = zone;
        this.current = new Sketch(t.depth(), t.width());
        this.longTerm = new Sketch(t.depth(), t.width());
        this.hour = new Sketch(t.depth(), t.slotWidth());
        for (int i = 0; i < SLOTS; i++) {
            slots[i] = new Sketch(t.depth(), t.slotWidth());
        }
        this.tickDecay = (float) Math.pow(0.5, (double) TICK.toMillis() / t.halfLife().toMillis());
        this.longTickDecay = (float) Math.pow(0.5, (double) TICK.toMillis() / t.longHalfLife().toMillis());
    }

    public Tuning tuning() {
        return t;
    }

    /** The detector's clock: the latest contact time it has taken. */
    public Instant now() {
        return now;
    }

    /** Contacts taken since it started. */
    public long seen() {
        return seen;
    }

    /** Whether a contact at this time is too late to count towards the current level (it is only stored). */
    public boolean late(Instant at) {
        return now != null && at.isBefore(now.minus(t.lateness()));
    }

    /** Reads one contact; answers the problem it raised or joined. */
    public Outcome take(Signal s) {
        if (late(s.at())) {
            return Outcome.NONE;
        }
        advance(s.at());
        float w = s.flag() ? (float) t.flagWeight() : 1f;
        seen++;
        currentTotal += w;
        longTotal += w;
        hourTotal += w;

        Map<String, Long> hashes = new LinkedHashMap<>();
        if (s.reason() != null && !s.reason().isBlank()) {
            String k = TextKeys.reason(s.reason());
            hashes.put(k, Sketch.hash(k));
        }
        List<TextKeys.Run> runs = s.text() == null ? List.of() : TextKeys.runs(s.text());
        List<List<TextKeys.Gram>> grams = new ArrayList<>(runs.size());
        for (TextKeys.Run run : runs) {
            List<TextKeys.Gram> g = TextKeys.grams(run);
            grams.add(g);
            for (TextKeys.Gram gram : g) {
                if (hashes.size() < TextKeys.MAX_KEYS) {
                    hashes.putIfAbsent(gram.key(), Sketch.hash(gram.key()));
                }
            }
        }
        int slot = now.atZone(zone).getHour();
        boolean mature = slotDays[slot] > 0 && slotTotals[slot] > 0;
        boolean warm = seen > t.warmup();
        Map<String, Level> hot = new LinkedHashMap<>();
        Map<String, Level> elevated = new HashMap<>();
        Level strongest = null;
        for (Map.Entry<String, Long> e : hashes.entrySet()) {
            long h = e.getValue();
            double c = current.add(h, w);
            // the share of this hour of the day, shrunk towards the overall share when the hour has seen few contacts
            double overall = longTerm.estimate(h) / Math.max(longTotal, 1);
            double share = mature ? (slots[slot].estimate(h) + PRIOR * overall) / (slotTotals[slot] + PRIOR) : overall;
            longTerm.add(h, w);
            hour.add(h, w);
            double expected = Math.max(share * currentTotal, 0.2);
            Level level = new Level(e.getKey(), c, expected);
            if (elevated(level)) {
                elevated.put(e.getKey(), level);
            }
            if (warm && isHot(level)) {
                hot.put(e.getKey(), level);
                if (strongest == null || level.ratio() > strongest.ratio()) {
                    strongest = level;
                }
            }
            if (e.getKey().startsWith(TextKeys.REASON) || (c >= 3 && level.ratio() >= 1.5)) {
                watch(level);
            }
        }
        Outcome outcome = join(s, elevated, hot);
        String reasonKey = s.reason() == null || s.reason().isBlank() ? null : TextKeys.reason(s.reason());
        if (outcome != null) {
            return outcome;
        }
        if (hot.isEmpty()) {
            return Outcome.NONE;
        }
        String label = reasonKey != null && hot.containsKey(reasonKey) ? reasonKey : label(runs, grams, hot.keySet());
        if (!strongLabel(label)) {
            return Outcome.NONE; // a two-character piece or one word alone is too weak to name a problem
        }
        Set<String> keys = new LinkedHashSet<>();
        keys.add(label);
        if (reasonKey != null) {
            keys.add(reasonKey);
        }
        for (String k : hot.keySet()) {
            if (keys.size() < GROUP_KEYS) {
                keys.add(k);
            }
        }
        Level lead = hot.getOrDefault(label, strongest);
        Group g = new Group(label, keys, firstSeen(lead), now, lead.current(), lead.expected());
        member(g, s);
        if (open.size() >= t.maxOpen()) {
            Iterator<Group> it = open.values().iterator();
            it.next();
            it.remove();
        }
        open.put(g.id, g);
        return new Outcome(g, true);
    }

    private boolean isHot(Level l) {
        double excess = l.current() - l.expected();
        return l.current() >= t.minCount() && l.current() >= t.minRatio() * l.expected()
                && excess / Math.sqrt(l.expected() + 1) >= t.minZ();
    }

    /** Roughly when the rise began: back from now by the time the excess took to build at the current rate. */
    private Instant firstSeen(Level l) {
        double meanLife = t.halfLife().toMillis() / Math.log(2);
        double fraction = Math.min(0.99, Math.max(0, (l.current() - l.expected()) / Math.max(l.current(), 1e-9)));
        double back = -meanLife * Math.log(1 - fraction);
        return now.minusMillis((long) Math.min(back, 4 * meanLife));
    }

    /** A reason code, or a phrase of at least three Chinese characters or two words. */
    static boolean strongLabel(String key) {
        if (key.startsWith(TextKeys.REASON)) {
            return true;
        }
        String phrase = key.substring(TextKeys.PHRASE.length());
        return phrase.indexOf(' ') > 0 || phrase.codePointCount(0, phrase.length()) >= 3
                && Character.UnicodeScript.of(phrase.codePointAt(0)) == Character.UnicodeScript.HAN;
    }

    /** Whether a key is above normal, if not yet hot. */
    private static boolean elevated(Level l) {
        return l.current() >= 3 && l.ratio() >= 1.5;
    }

    /**
     * Joins the contact to the open problem it belongs to, if any: the contact shares the problem's label, or two
     * of its phrases, or is itself rising under the reason code of a problem raised moments ago; and what it
     * shares is still above normal (so that a common word
     * caught up in a problem does not pull every contact into it, and a problem ends when its rise does).
     */
    private Outcome join(Signal s, Map<String, Level> elevatedKeys, Map<String, Level> hot) {
        Group best = null;
        int bestShared = 0;
        for (Group g : open.values()) {
            int shared = 0;
            boolean strong = false;
            for (String k : g.keys) {
                if (elevatedKeys.containsKey(k)) {
                    // the label or a reason code of the problem is enough on its own; other phrases count two
                    shared += k.startsWith(TextKeys.PHRASE) ? 1 : 0;
                    strong |= k.equals(g.label) || k.startsWith(TextKeys.REASON);
                }
            }
            // a contact that is itself part of a rise, filed under the reason code of a problem raised moments
            // ago, is another face of the same problem (a code rise shows in each of its usual phrasings at once)
            boolean sameReason = !hot.isEmpty() && g.raisedAt.isAfter(now.minus(SAME_RISE)) && s.reason() != null && !s.reason().isBlank()
                    && g.keys.contains(TextKeys.reason(s.reason()));
            boolean enough = sameReason || strong || shared >= 2;
            if (enough && (shared > bestShared || best == null)) {
                best = g;
                bestShared = shared;
            }
        }
        if (best == null) {
            return null;
        }
        Level lead = hot.get(best.label);
        if (lead != null) {
            best.current = lead.current();
            best.expected = lead.expected();
        }
        for (String k : hot.keySet()) {
            if (best.keys.size() >= GROUP_KEYS) {
                break;
            }
            best.keys.add(k);
        }
        member(best, s);
        open.remove(best.id);
        open.put(best.id, best); // most recently joined last
        return new Outcome(best, false);
    }

    private void member(Group g, Signal s) {
        if (s.flag()) {
            g.flags++;
        } else {
            g.contacts++;
        }
        g.lastSeen = now;
        if (g.samples.size() < SAMPLES) {
            g.samples.add(new Sample(s.id(), s.at(), s.reason(), s.product(), s.text(), s.flag()));
        }
        if (s.product() != null && !s.product().isBlank() && g.products.size() < 32) {
            g.products.merge(s.product(), 1, Integer::sum);
        }
        if (s.reason() != null && !s.reason().isBlank() && g.reasons.size() < 32) {
            g.reasons.merge(s.reason().strip().toUpperCase(java.util.Locale.ROOT), 1, Integer::sum);
        }
    }

    /**
     * The problem's label: the longest stretch of the contact's text covered by its hot n-grams (the phrase
     * itself, such as 页面打不开, rather than one of its pieces), or the hot reason code when no phrase is hot.
     */
    static String label(List<TextKeys.Run> runs, List<List<TextKeys.Gram>> grams, Set<String> hot) {
        String best = null;
        int bestLength = 0;
        for (int r = 0; r < runs.size(); r++) {
            TextKeys.Run run = runs.get(r);
            boolean[] covered = new boolean[run.units().size()];
            for (TextKeys.Gram g : grams.get(r)) {
                if (hot.contains(g.key())) {
                    for (int i = g.from(); i < g.to(); i++) {
                        covered[i] = true;
                    }
                }
            }
            for (int i = 0; i < covered.length; ) {
                if (!covered[i]) {
                    i++;
                    continue;
                }
                int j = i;
                while (j < covered.length && covered[j]) {
                    j++;
                }
                String phrase = TextKeys.join(run.units(), i, j, run.cjk());
                int length = run.cjk() ? (j - i) * 2 : phrase.length();
                if (length > bestLength) {
                    best = TextKeys.PHRASE + phrase;
                    bestLength = length;
                }
                i = j;
            }
        }
        if (best != null) {
            return best;
        }
        return hot.stream().filter(k -> k.startsWith(TextKeys.REASON)).findFirst().orElse(hot.iterator().next());
    }

    /** Moves the clock: decays the current levels tick by tick, closes hours into the baselines, closes quiet problems. */
    private void advance(Instant at) {
        if (now == null) {
            now = at;
            hourIndex = hourOf(at);
            return;
        }
        if (!at.isAfter(now)) {
            return;
        }
        long ticks = at.toEpochMilli() / TICK.toMillis() - now.toEpochMilli() / TICK.toMillis();
        if (ticks > 0) {
            int n = (int) Math.min(ticks, 10_000);
            float d = (float) Math.pow(tickDecay, n);
            current.scale(d);
            currentTotal *= d;
            float ld = (float) Math.pow(longTickDecay, n);
            longTerm.scale(ld);
            longTotal *= ld;
        }
        long h = hourOf(at);
        if (h != hourIndex) {
            closeHour();
            hourIndex = h;
        }
        long points = at.toEpochMilli() / POINT.toMillis() - now.toEpochMilli() / POINT.toMillis();
        now = at;
        if (points > 0) {
            // the normal volume now: this hour of the day's contacts, over the current level's mean life
            int slot = now.atZone(zone).getHour();
            double meanLifeHours = t.halfLife().toMillis() / Math.log(2) / 3_600_000;
            double normal = slotDays[slot] > 0 ? slotTotals[slot] * meanLifeHours : currentTotal;
            totals.push(new Point(now, currentTotal, normal), POINTS);
            prune();
        }
    }

    private long hourOf(Instant at) {
        return at.getEpochSecond() / 3600;
    }

    /** Folds the hour just ended into the baseline of its hour of the day (an average over days). */
    private void closeHour() {
        int slot = Instant.ofEpochSecond(hourIndex * 3600).atZone(zone).getHour();
        if (hourTotal > 0) {
            if (slotDays[slot] == 0) {
                slots[slot].copyFrom(hour);
                slotTotals[slot] = hourTotal;
            } else {
                float alpha = slotDays[slot] < 3 ? 0.5f : 0.3f;
                slots[slot].blend(hour, alpha);
                slotTotals[slot] = (1 - alpha) * slotTotals[slot] + alpha * hourTotal;
            }
            slotDays[slot]++;
        }
        hour.clear();
        hourTotal = 0;
    }

    private void prune() {
        Instant quietSince = now.minus(t.quiet());
        open.values().removeIf(g -> g.lastSeen.isBefore(quietSince));
        Instant stale = now.minus(POINT.multipliedBy(POINTS));
        watch.values().removeIf(e -> e.lastSeen.isBefore(stale));
    }

    /** The problems still open (taking new contacts), newest last. */
    public List<Group> open() {
        return List.copyOf(open.values());
    }

    /** The keys on the live screen, highest rise first. */
    public List<Watched> watched() {
        List<Watched> out = new ArrayList<>();
        for (WatchEntry e : watch.values()) {
            double decay = now == null ? 1 : Math.pow(0.5, (double) Duration.between(e.lastSeen, now).toMillis() / t.halfLife().toMillis());
            out.add(new Watched(e.key, e.current * decay, e.expected, e.series.list()));
        }
        out.sort(Comparator.comparingDouble((Watched w) -> -w.current() / Math.max(w.expected(), 0.5)));
        return out;
    }

    /** The current volume of contacts (decayed count) and its recent history. */
    public List<Point> volume() {
        return totals.list();
    }

    public double currentVolume() {
        return currentTotal;
    }

    private void watch(Level l) {
        WatchEntry e = watch.get(l.key());
        if (e == null) {
            if (watch.size() >= t.maxWatch()) {
                WatchEntry weakest = null;
                for (WatchEntry x : watch.values()) {
                    if (weakest == null || x.score() < weakest.score()) {
                        weakest = x;
                    }
                }
                if (weakest.score() >= l.ratio() && !l.key().startsWith(TextKeys.REASON)) {
                    return;
                }
                watch.remove(weakest.key);
            }
            e = new WatchEntry(l.key());
            watch.put(l.key(), e);
        }
        e.current = l.current();
        e.expected = l.expected();
        e.lastSeen = now;
        e.series.set(new Point(Instant.ofEpochMilli(now.toEpochMilli() / POINT.toMillis() * POINT.toMillis()),
                l.current(), l.expected()), POINTS);
    }

    /** Bytes held by the sketches (fixed when made). */
    public long sketchBytes() {
        long b = current.bytes() + longTerm.bytes() + hour.bytes();
        for (Sketch s : slots) {
            b += s.bytes();
        }
        return b;
    }

    /** How many problems, watched keys and points it holds now (all capped). */
    public int heldObjects() {
        int n = open.size() + watch.size() + totals.size();
        for (WatchEntry e : watch.values()) {
            n += e.series.size();
        }
        for (Group g : open.values()) {
            n += g.keys.size() + g.samples.size();
        }
        return n;
    }

    private static final class WatchEntry {
        final String key;
        double current;
        double expected;
        Instant lastSeen;
        final Deque series = new Deque();

        WatchEntry(String key) {
            this.key = key;
        }

        double score() {
            return current / Math.max(expected, 0.5);
        }
    }

    /** A short history: one point per {@link #POINT}, the last {@link #POINTS}. */
    private static final class Deque {
        private final java.util.ArrayDeque<Point> points = new java.util.ArrayDeque<>();

        void push(Point p, int cap) {
            points.addLast(p);
            while (points.size() > cap) {
                points.removeFirst();
            }
        }

        /** Replaces the last point when it is of the same period, else adds one. */
        void set(Point p, int cap) {
            if (!points.isEmpty() && points.peekLast().at().equals(p.at())) {
                points.removeLast();
            }
            push(p, cap);
        }

        List<Point> list() {
            return List.copyOf(points);
        }

        int size() {
            return points.size();
        }
    }
}
