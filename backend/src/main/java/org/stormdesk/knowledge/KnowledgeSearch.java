package org.stormdesk.knowledge;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How the knowledge base is searched, on the server and (the same rules, in TypeScript) on the device offline.
 *
 * <p>Chinese is written without spaces, so there are no words to split on. Instead of a word segmenter (which needs a
 * dictionary of tens of megabytes, different on the server and in the browser, and still misses product names), each
 * run of Chinese characters is cut into overlapping pairs of characters (bigrams): 停电应急 gives 停电, 电应, 应急. A
 * query is cut the same way, so any two-character word of the query finds the articles that contain it, whatever the
 * words around it; a single character is matched alone. Latin text is split into lower-case words, with a plural
 * {@code s} taken off. An article matches when at least half of the query's distinct tokens occur in it; a token in
 * the title counts three times, in the tags or product twice, in the body once.
 */
public final class KnowledgeSearch {

    static final double TITLE = 3;
    static final double TAG = 2;
    static final double BODY = 1;

    private KnowledgeSearch() {
    }

    static boolean isCjk(int cp) {
        return (cp >= 0x3400 && cp <= 0x4DBF) || (cp >= 0x4E00 && cp <= 0x9FFF) || (cp >= 0xF900 && cp <= 0xFAFF)
                || (cp >= 0x20000 && cp <= 0x2FA1F);
    }

    /**
     * The tokens of a text: Latin words and digits (lower case, plural s removed), Chinese bigrams; a run of a single
     * Chinese character is that character. With {@code withSingles}, every Chinese character is a token too (for
     * indexing, so that a one-character query finds something).
     */
    public static Set<String> tokens(String text, boolean withSingles) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        StringBuilder word = new StringBuilder();
        List<String> run = new ArrayList<>();
        int i = 0;
        while (i <= text.length()) {
            int cp = i < text.length() ? text.codePointAt(i) : ' ';
            if (isCjk(cp)) {
                flushWord(word, out);
                run.add(new String(Character.toChars(cp)));
            } else {
                flushRun(run, out, withSingles);
                if (Character.isLetterOrDigit(cp)) {
                    word.appendCodePoint(Character.toLowerCase(cp));
                } else {
                    flushWord(word, out);
                }
            }
            i += Character.charCount(cp);
        }
        return out;
    }

    private static void flushWord(StringBuilder word, Set<String> out) {
        if (word.isEmpty()) {
            return;
        }
        String w = word.toString().toLowerCase(Locale.ROOT);
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            w = w.substring(0, w.length() - 1);
        }
        out.add(w);
        word.setLength(0);
    }

    private static void flushRun(List<String> run, Set<String> out, boolean withSingles) {
        if (run.isEmpty()) {
            return;
        }
        if (run.size() == 1 || withSingles) {
            out.addAll(run);
        }
        for (int k = 0; k + 1 < run.size(); k++) {
            out.add(run.get(k) + run.get(k + 1));
        }
        run.clear();
    }

    /** The articles that match the query, best first, with the titles and snippets in the reader's language. */
    public static List<ArticleHit> search(List<Article> articles, String query, String language) {
        Set<String> wanted = tokens(query, false);
        if (wanted.isEmpty()) {
            return List.of();
        }
        int needed = Math.max(1, (int) Math.ceil(wanted.size() / 2.0));
        List<ArticleHit> hits = new ArrayList<>();
        for (Article a : articles) {
            Set<String> title = new LinkedHashSet<>();
            Set<String> body = new LinkedHashSet<>();
            a.title().values().forEach(t -> title.addAll(tokens(t, true)));
            a.body().values().forEach(t -> body.addAll(tokens(t, true)));
            Set<String> tags = tokens(String.join(" ", a.tags()) + " " + a.product(), true);
            double score = 0;
            int matched = 0;
            for (String token : wanted) {
                double s = (title.contains(token) ? TITLE : 0) + (tags.contains(token) ? TAG : 0) + (body.contains(token) ? BODY : 0);
                if (s > 0) {
                    matched++;
                    score += s;
                }
            }
            if (matched >= needed) {
                score *= (double) matched / wanted.size();
                hits.add(new ArticleHit(a.id(), a.product(), a.tags(), a.titleIn(language), snippet(a.bodyIn(language), wanted), score));
            }
        }
        hits.sort(Comparator.comparingDouble(ArticleHit::score).reversed().thenComparing(ArticleHit::title));
        return hits;
    }

    /** The first line of the body that holds a wanted token, without Markdown marks, at most 160 characters. */
    static String snippet(String body, Set<String> wanted) {
        String first = null;
        for (String line : body.split("\n")) {
            String plain = line.replaceAll("[#>*_`\\[\\]|]", "").replaceAll("\\(https?://[^)]*\\)", "").strip();
            if (plain.isEmpty()) {
                continue;
            }
            if (first == null) {
                first = plain;
            }
            Set<String> lineTokens = tokens(plain, true);
            if (wanted.stream().anyMatch(lineTokens::contains)) {
                return cut(plain);
            }
        }
        return first == null ? "" : cut(first);
    }

    private static String cut(String s) {
        return s.length() <= 160 ? s : s.substring(0, 159) + "…";
    }
}
