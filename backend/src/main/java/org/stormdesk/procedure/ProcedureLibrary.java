package org.stormdesk.procedure;

import jakarta.inject.Singleton;
import org.stormdesk.procedure.internal.SpecificationReader;

import java.util.List;
import java.util.Map;

/**
 * The center's emergency-handling specification ({@code procedures/*.md}, the same text as the originals),
 * read once at start, in Simplified Chinese, English and Traditional Chinese.
 */
@Singleton
public class ProcedureLibrary {

    /** The incident kinds in the order of the specification's eight sections. */
    public static final List<String> KINDS =
            List.of("equipment", "system", "power", "aircon", "fire", "website", "surge", "media");

    private final Map<String, Procedures> byLang;

    public ProcedureLibrary(SpecificationReader reader) {
        this.byLang = Map.of(
                "zh-CN", reader.read("zh-CN", KINDS),
                "en", reader.read("en", KINDS),
                "zh-TW", reader.read("zh-TW", KINDS));
    }

    /** The specification in a language ({@code zh-CN}, {@code en}, {@code zh-TW}); Simplified Chinese otherwise. */
    public Procedures in(String lang) {
        return byLang.getOrDefault(lang, byLang.get("zh-CN"));
    }
}
