package org.stormdesk.feedback.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The phrases a contact's text is watched by: character n-grams (2 to 4 characters) of each run of Chinese
 * characters, and word n-grams (1 to 3 words) of each run of Latin letters. Chinese is not split into words:
 * the phrases customers start using in a failure ("页面打不开", "支付失败", a new product name) are exactly the
 * words a segmenter's dictionary does not know yet and would cut wrongly, while the n-grams of a new phrase rise
 * together whatever its segmentation would be, need no dictionary to keep up to date, and cost the same for
 * every text (docs/adr/0005-feedback-text.md). The detector joins overlapping hot n-grams back into the phrase.
 */
public final class TextKeys {

    /** Phrase keys start with this; reason codes with {@link #REASON}. */
    public static final String PHRASE = "p:";
    public static final String REASON = "r:";
    /** Text beyond this is not watched (the contact keeps it all). */
    static final int WATCHED_CHARS = 400;
    static final int MAX_KEYS = 240;

    private static final Set<String> STOP = Set.of("a", "an", "the", "i", "me", "my", "we", "you", "your", "it", "is",
            "are", "was", "be", "to", "of", "and", "or", "for", "on", "at", "with", "this", "that", "please", "hi",
            "hello", "not", "no", "will", "would", "could", "there", "thanks", "thank", "have", "has", "had", "do", "does", "did", "so", "but", "just", "can", "in");

    private TextKeys() {
    }

    /** A run of text of one script: Chinese characters ({@code cjk}) or words. */
    public record Run(boolean cjk, List<String> units) {
    }

    /** The text folded for matching: full-width to half-width (NFKC), lower case, contractions spelled out. */
    public static String fold(String text) {
        String s = Normalizer.normalize(text.length() > WATCHED_CHARS ? text.substring(0, WATCHED_CHARS) : text,
                Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('’', '\'');
        return s.replace("can't", "cannot").replace("can not", "cannot").replace("cant ", "cannot ")
                .replace("won't", "will not").replace("n't", " not").replace("logon", "log in").replace("login", "log in")
                .replace("log-in", "log in").replace("sign-in", "sign in");
    }

    /** The runs of a text, in order (digits, punctuation and space separate them; tokens with digits are dropped). */
    public static List<Run> runs(String text) {
        String s = fold(text);
        List<Run> runs = new ArrayList<>();
        List<String> cjk = new ArrayList<>();
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean digitInWord = false;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            boolean han = Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN;
            boolean letter = !han && (Character.isLetter(cp) || cp == '\'');
            boolean digit = Character.isDigit(cp);
            if (letter || (digit && !word.isEmpty())) {
                flush(runs, cjk, true);
                word.appendCodePoint(cp);
                digitInWord |= digit;
                continue;
            }
            if (!word.isEmpty()) {
                if (!digitInWord) {
                    String w = strip(word.toString());
                    if (!w.isEmpty()) {
                        words.add(w);
                    }
                }
                word.setLength(0);
                digitInWord = false;
            }
            if (han) {
                flush(runs, words, false);
                cjk.add(new String(Character.toChars(cp)));
            } else if (Character.isWhitespace(cp) && !words.isEmpty()) {
                continue; // spaces only separate words
            } else {
                flush(runs, cjk, true);
                flush(runs, words, false);
            }
        }
        if (!word.isEmpty() && !digitInWord && !strip(word.toString()).isEmpty()) {
            words.add(strip(word.toString()));
        }
        flush(runs, cjk, true);
        flush(runs, words, false);
        return runs;
    }

    private static String strip(String w) {
        int a = 0;
        int b = w.length();
        while (a < b && w.charAt(a) == '\'') {
            a++;
        }
        while (b > a && w.charAt(b - 1) == '\'') {
            b--;
        }
        return w.substring(a, b);
    }

    private static void flush(List<Run> runs, List<String> units, boolean cjk) {
        if (!units.isEmpty()) {
            runs.add(new Run(cjk, List.copyOf(units)));
            units.clear();
        }
    }

    /** The phrase keys of a text, each once, at most {@link #MAX_KEYS}. */
    public static Set<String> phrases(String text) {
        Set<String> keys = new LinkedHashSet<>();
        for (Run run : runs(text)) {
            for (Gram g : grams(run)) {
                if (keys.size() >= MAX_KEYS) {
                    return keys;
                }
                keys.add(g.key());
            }
        }
        return keys;
    }

    /** One n-gram of a run: its key and the units it covers. */
    public record Gram(String key, int from, int to) {
    }

    /** The n-grams of a run: 2 to 4 characters of Chinese; 1 to 3 words (a single stop word is not a phrase). */
    public static List<Gram> grams(Run run) {
        List<Gram> out = new ArrayList<>();
        List<String> u = run.units();
        int min = run.cjk() ? 2 : 1;
        int max = run.cjk() ? 4 : 3;
        for (int i = 0; i < u.size(); i++) {
            for (int n = min; n <= max && i + n <= u.size(); n++) {
                if (!run.cjk() && n == 1 && (STOP.contains(u.get(i)) || u.get(i).length() < 3)) {
                    continue;
                }
                out.add(new Gram(PHRASE + join(u, i, i + n, run.cjk()), i, i + n));
            }
        }
        return out;
    }

    static String join(List<String> units, int from, int to, boolean cjk) {
        return String.join(cjk ? "" : " ", units.subList(from, to));
    }

    /** The reason-code key of a code, upper case. */
    public static String reason(String code) {
        return REASON + code.strip().toUpperCase(Locale.ROOT);
    }
}
