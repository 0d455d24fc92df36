package org.stormdesk.app;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

import java.text.MessageFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Every word a person reads from the server comes from {@code i18n/messages*.properties} through here:
 * Simplified Chinese by default, English and Traditional Chinese on request ({@code Accept-Language}).
 */
@Singleton
public class Messages {

    public static final Locale ZH_CN = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ZH_TW = Locale.TRADITIONAL_CHINESE;
    public static final Locale EN = Locale.ENGLISH;

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    /** The supported language closest to an {@code Accept-Language} header; Simplified Chinese when none fits. */
    public static Locale localeOf(String acceptLanguage) {
        if (acceptLanguage == null || acceptLanguage.isBlank()) {
            return ZH_CN;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                Locale supported = supported(range.getRange());
                if (supported != null) {
                    return supported;
                }
            }
        } catch (IllegalArgumentException malformed) {
            return ZH_CN;
        }
        return ZH_CN;
    }

    /** Maps a language tag such as {@code zh-Hant-HK}, {@code en-US} or {@code zh} to one of the three languages. */
    public static Locale supported(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        if (t.startsWith("zh")) {
            boolean traditional = t.contains("hant") || t.contains("-tw") || t.contains("-hk") || t.contains("-mo");
            return traditional ? ZH_TW : ZH_CN;
        }
        if (t.startsWith("en")) {
            return EN;
        }
        return null;
    }

    public static Locale localeOf(HttpRequest<?> request) {
        return request == null ? ZH_CN : localeOf(request.getHeaders().get(HttpHeaders.ACCEPT_LANGUAGE));
    }

    public static List<Locale> all() {
        return List.of(ZH_CN, EN, ZH_TW);
    }

    public String get(Locale locale, String key, Object... args) {
        String pattern;
        try {
            pattern = bundle(locale).getString(key);
        } catch (MissingResourceException missing) {
            return key;
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** The same message in every language, by language tag (zh-CN, en, zh-TW): what a notice carries. */
    public Map<String, String> inEvery(String key, Object... args) {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Locale locale : all()) {
            texts.put(locale.toLanguageTag(), get(locale, key, args));
        }
        return texts;
    }

    public String get(HttpRequest<?> request, String key, Object... args) {
        return get(localeOf(request), key, args);
    }

    /** Whether the key exists in every language (used by tests and start-up checks). */
    public boolean has(String key) {
        return all().stream().allMatch(l -> bundle(l).containsKey(key));
    }

    private static ResourceBundle bundle(Locale locale) {
        Locale l = EN.getLanguage().equals(locale.getLanguage()) ? Locale.ROOT : locale;
        return ResourceBundle.getBundle("i18n.messages", l, NO_FALLBACK);
    }
}
