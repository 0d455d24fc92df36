package org.stormdesk.feedback.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * A labelled stream of customer contacts for measuring the detector (and for the benchmark): the same seed gives
 * the same stream.
 *
 * <p><b>Normal mix.</b> Contacts arrive as a Poisson process whose rate follows a day in a contact center: quiet at
 * night (5% of the peak), rising from 08:00, peaks around 10:00 and 15:00, a dip at lunch, tapering off after
 * 21:00, with the day's volume varying ±15% at random. Each contact has a reason code drawn from a fixed mix
 * (billing, delivery, account, payment, refund, product, login, other), one of which (delivery) is asked about
 * three times as much in the evening as in the morning, so the share of a code depends on the hour of the day. Its
 * text is one of several customer phrasings per code, in Chinese (70%) or English, wrapped in the small talk and
 * order numbers of real notes; channels, products and regions are drawn from short lists.
 *
 * <p><b>Injected problems.</b> From day {@code warmDays} on, problems start at random times between 07:00 and 23:00,
 * each lasting 30 to 120 minutes, of two shapes, in Chinese or English:
 * <ul>
 *   <li>{@link Shape#NEW_PHRASE}: customers start saying something not heard before (页面打不开, 无法登录, "app
 *   crashes on startup", ...) at 1 to 4 contacts a minute (scaled by the hour's volume, at least 1 a minute),
 *   under a reason code of the normal mix;</li>
 *   <li>{@link Shape#CODE_RISE}: an existing reason code is asked about 2.5 to 4 times as often as normal, with its
 *   usual phrasings.</li>
 * </ul>
 * Every contact a problem adds carries the problem's id as its label; normal contacts carry none.
 */
public final class ContactStream {

    public enum Shape { NEW_PHRASE, CODE_RISE }

    /** A contact with its label (null when it belongs to no problem). */
    public record Labelled(Detector.Signal signal, String channel, String region, Integer problem) {
    }

    /** An injected problem: what it looks like, when, and the key that names it. */
    public record Problem(int id, Shape shape, String language, String reason, String phrase, Instant start, Instant end) {
    }

    record Code(String code, double share, double eveningFactor, String[] zh, String[] en) {
    }

    static final List<Code> CODES = List.of(
            new Code("BILLING", 0.20, 1, new String[]{"账单金额不对", "这个月的账单怎么多扣了钱", "想查一下上个月的账单", "发票什么时候开"},
                    new String[]{"my bill looks wrong", "why was I charged twice this month", "I need a copy of my invoice"}),
            new Code("DELIVERY", 0.18, 3, new String[]{"快递到哪了", "物流信息一直不更新", "包裹显示已签收但没收到", "能不能改一下收货地址"},
                    new String[]{"where is my parcel", "tracking has not updated for days", "change my delivery address"}),
            new Code("ACCOUNT", 0.14, 1, new String[]{"怎么修改绑定的手机号", "想注销账户", "会员等级怎么升级", "修改个人资料"},
                    new String[]{"how do I change my phone number", "close my account", "update my profile details"}),
            new Code("PAYMENT", 0.10, 1, new String[]{"支付失败了怎么办", "付款的时候提示余额不足", "可以用信用卡分期吗", "优惠券用不了"},
                    new String[]{"payment failed at checkout", "can I pay in instalments", "my coupon does not apply"}),
            new Code("REFUND", 0.12, 1, new String[]{"退款什么时候到账", "申请退货怎么操作", "退款被拒绝了"},
                    new String[]{"when will my refund arrive", "how do I return an item", "my refund was rejected"}),
            new Code("PRODUCT", 0.12, 1, new String[]{"这个型号有没有现货", "产品说明书在哪里下载", "保修期多久"},
                    new String[]{"is this model in stock", "where is the user manual", "how long is the warranty"}),
            new Code("LOGIN", 0.06, 1, new String[]{"忘记密码了怎么找回", "验证码收不到", "账号被锁定了"},
                    new String[]{"I forgot my password", "the verification code never arrives", "my account is locked"}),
            new Code("OTHER", 0.08, 1, new String[]{"投诉一下客服态度", "营业时间是几点", "门店地址在哪里"},
                    new String[]{"what are your opening hours", "where is the nearest store", "I want to complain about service"}));

    /** New phrases a failure brings, with the reason code agents file them under. */
    static final String[][] NEW_ZH = {
            {"LOGIN", "无法登录", "一直提示无法登录", "APP无法登录了", "网页版无法登录"},
            {"OTHER", "页面打不开", "官网页面打不开", "你们的页面打不开了", "页面打不开一直转圈"},
            {"PAYMENT", "扫码支付一直卡住", "扫码支付卡住不动", "付款页面扫码支付卡住"},
            {"PRODUCT", "小程序闪退", "打开小程序就闪退", "小程序闪退好几次了"},
            {"DELIVERY", "物流单号查询报错", "查物流单号报错", "物流单号查询显示报错"},
            {"ACCOUNT", "积分清零了", "我的积分清零了", "账户积分突然清零了"}};
    static final String[][] NEW_EN = {
            {"LOGIN", "can't log in", "I can't log in to the app", "can't log in since this morning", "cannot log in on the website"},
            {"OTHER", "website will not load", "your website will not load", "the website will not load at all"},
            {"PRODUCT", "app crashes on startup", "the app crashes on startup", "app crashes on startup every time"},
            {"PAYMENT", "card declined at checkout", "my card declined at checkout", "card declined at checkout again"}};

    static final String[] CHANNELS = {"phone", "chat", "email", "app"};
    static final String[] PRODUCTS = {"app", "web", "mini-program", "store"};
    static final String[] REGIONS = {"east", "south", "north", "west"};
    static final String[] ZH_FILLER = {"您好，", "你好，", "", "", "麻烦问一下，", "客户来电：", "客户反映"};
    static final String[] ZH_TAIL = {"", "", "，谢谢", "，麻烦尽快处理", "，订单号", "，急"};
    static final String[] EN_FILLER = {"", "hi, ", "hello, ", "customer says ", "caller reports "};
    static final String[] EN_TAIL = {"", "", ", thanks", ", please help", ", order no."};

    private final long seed;
    private final Instant start;
    private final int days;
    private final int warmDays;
    private final double peakPerMinute;
    private final ZoneId zone;

    /**
     * @param start         midnight (in {@code zone}) of the first day
     * @param peakPerMinute contacts a minute at the busiest time of a normal day
     */
    public ContactStream(long seed, Instant start, int days, int warmDays, double peakPerMinute, ZoneId zone) {
        this.seed = seed;
        this.start = start;
        this.days = days;
        this.warmDays = warmDays;
        this.peakPerMinute = peakPerMinute;
        this.zone = zone;
    }

    /** The contact volume at an hour of the day, as a share of the peak. */
    static double profile(double hour) {
        if (hour < 7 || hour >= 23) {
            return 0.05;
        }
        double morning = Math.exp(-Math.pow((hour - 10) / 1.6, 2));
        double afternoon = 0.9 * Math.exp(-Math.pow((hour - 15) / 2.0, 2));
        double evening = 0.45 * Math.exp(-Math.pow((hour - 20) / 1.5, 2));
        return Math.max(0.08, Math.min(1, morning + afternoon + evening));
    }

    /** The problems this stream injects (the same seed gives the same ones). */
    public List<Problem> problems(int perDay) {
        Random r = new Random(seed * 31 + 7);
        List<Problem> out = new ArrayList<>();
        int id = 1;
        for (int day = warmDays; day < days; day++) {
            for (int i = 0; i < perDay; i++) {
                Instant begin = start.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(7 * 60 + r.nextInt(15 * 60)));
                Instant end = begin.plus(Duration.ofMinutes(30 + r.nextInt(91)));
                boolean zh = r.nextDouble() < 0.6;
                if (r.nextBoolean()) {
                    String[] p = zh ? NEW_ZH[r.nextInt(NEW_ZH.length)] : NEW_EN[r.nextInt(NEW_EN.length)];
                    out.add(new Problem(id++, Shape.NEW_PHRASE, zh ? "zh" : "en", p[0], p[1], begin, end));
                } else {
                    Code c = CODES.get(r.nextInt(CODES.size()));
                    out.add(new Problem(id++, Shape.CODE_RISE, zh ? "zh" : "en", c.code(), null, begin, end));
                }
            }
        }
        // one problem at a time per key: drop any that overlaps an earlier one with the same reason or phrase
        List<Problem> kept = new ArrayList<>();
        for (Problem p : out) {
            boolean clash = kept.stream().anyMatch(k -> (k.reason().equals(p.reason()))
                    && !p.start().isAfter(k.end().plus(Duration.ofHours(2))) && !k.start().isAfter(p.end()));
            if (!clash) {
                kept.add(p);
            }
        }
        return kept;
    }

    /** The whole stream, in time order, with {@code problems} injected. */
    public List<Labelled> contacts(List<Problem> problems) {
        List<Labelled> out = new ArrayList<>();
        forEach(problems, out::add);
        return out;
    }

    /** Streams the contacts one by one (the benchmark's long streams are never held whole). */
    public void forEach(List<Problem> problems, java.util.function.Consumer<Labelled> sink) {
        Random r = new Random(seed);
        double[] dayFactor = new double[days];
        for (int d = 0; d < days; d++) {
            dayFactor[d] = 0.85 + 0.3 * r.nextDouble();
        }
        Instant end = start.plus(Duration.ofDays(days));
        long second = 0;
        for (Instant at = start; at.isBefore(end); at = at.plusSeconds(1), second++) {
            int day = (int) (second / 86_400);
            double hour = (second % 86_400) / 3600.0;
            double rate = peakPerMinute * profile(hour) * dayFactor[day] / 60.0;
            for (int n = poisson(r, rate); n > 0; n--) {
                Code code = pick(r, hour);
                sink.accept(normal(r, at, code));
            }
            for (Problem p : problems) {
                if (at.isBefore(p.start()) || !at.isBefore(p.end())) {
                    continue;
                }
                if (p.shape() == Shape.CODE_RISE) {
                    Code code = CODES.stream().filter(c -> c.code().equals(p.reason())).findFirst().orElseThrow();
                    double factor = 2.5 + 1.5 * ((p.id() * 7919) % 100) / 100.0;
                    double extra = rate * code.share() * (hourFactor(code, hour)) * (factor - 1);
                    for (int n = poisson(r, extra); n > 0; n--) {
                        Labelled c = normal(r, at, code, p.language());
                        out(sink, c, p.id());
                    }
                } else {
                    double perMinute = Math.max(1, (1 + (p.id() % 4)) * profile(hour));
                    for (int n = poisson(r, perMinute / 60.0); n > 0; n--) {
                        out(sink, newPhrase(r, at, p), p.id());
                    }
                }
            }
        }
    }

    private static void out(java.util.function.Consumer<Labelled> sink, Labelled c, int problem) {
        sink.accept(new Labelled(c.signal(), c.channel(), c.region(), problem));
    }

    static double hourFactor(Code c, double hour) {
        return c.eveningFactor() == 1 ? 1 : hour >= 17 ? c.eveningFactor() : 1;
    }

    private Code pick(Random r, double hour) {
        double total = 0;
        for (Code c : CODES) {
            total += c.share() * hourFactor(c, hour);
        }
        double x = r.nextDouble() * total;
        for (Code c : CODES) {
            x -= c.share() * hourFactor(c, hour);
            if (x <= 0) {
                return c;
            }
        }
        return CODES.getLast();
    }

    private Labelled normal(Random r, Instant at, Code code) {
        return normal(r, at, code, r.nextDouble() < 0.7 ? "zh" : "en");
    }

    private Labelled normal(Random r, Instant at, Code code, String language) {
        String text = "zh".equals(language)
                ? ZH_FILLER[r.nextInt(ZH_FILLER.length)] + code.zh()[r.nextInt(code.zh().length)] + tail(r, ZH_TAIL)
                : EN_FILLER[r.nextInt(EN_FILLER.length)] + code.en()[r.nextInt(code.en().length)] + tail(r, EN_TAIL);
        return contact(r, at, code.code(), text);
    }

    private Labelled newPhrase(Random r, Instant at, Problem p) {
        String[][] table = "zh".equals(p.language()) ? NEW_ZH : NEW_EN;
        String[] row = java.util.Arrays.stream(table).filter(x -> x[1].equals(p.phrase())).findFirst().orElseThrow();
        String said = row[1 + r.nextInt(row.length - 1)];
        String text = "zh".equals(p.language())
                ? ZH_FILLER[r.nextInt(ZH_FILLER.length)] + said + tail(r, ZH_TAIL)
                : EN_FILLER[r.nextInt(EN_FILLER.length)] + said + tail(r, EN_TAIL);
        // agents file a new complaint under whatever code fits best, not always the same
        String reason = r.nextDouble() < 0.6 ? row[0] : CODES.get(r.nextInt(CODES.size())).code();
        return contact(r, at, reason, text);
    }

    private static String tail(Random r, String[] tails) {
        String t = tails[r.nextInt(tails.length)];
        return t.endsWith("订单号") || t.endsWith("order no.") ? t + " " + (100000 + r.nextInt(900000)) : t;
    }

    private Labelled contact(Random r, Instant at, String reason, String text) {
        Instant when = at.plusMillis(r.nextInt(1000));
        Detector.Signal s = new Detector.Signal(new UUID(r.nextLong(), r.nextLong()), when, reason,
                PRODUCTS[r.nextInt(PRODUCTS.length)], text, false);
        return new Labelled(s, CHANNELS[r.nextInt(CHANNELS.length)], REGIONS[r.nextInt(REGIONS.length)], null);
    }

    static int poisson(Random r, double mean) {
        if (mean <= 0) {
            return 0;
        }
        double l = Math.exp(-mean);
        int k = 0;
        double p = 1;
        do {
            k++;
            p *= r.nextDouble();
        } while (p > l);
        return k - 1;
    }

    public ZoneId zone() {
        return zone;
    }
}
