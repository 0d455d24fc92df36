package org.stormdesk.procedure.internal;

import jakarta.inject.Singleton;
import org.stormdesk.procedure.Procedures;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Reads the specification from its Markdown: {@code # title}, introductory paragraphs, then one
 * {@code ## } heading per section. The version is a digest of the text, so a changed text is a new version.
 */
@Singleton
public class SpecificationReader {

    /** The section's own numbering in the text ("1. ", "一、"): the section number is a field of its own. */
    private static final java.util.regex.Pattern ORDINAL = java.util.regex.Pattern.compile("^(\\d+\\.\\s*|[一二三四五六七八九十]+、\\s*)");

    public Procedures read(String lang, List<String> kinds) {
        String text = load("procedures/" + lang + ".md");
        String title = "";
        List<String> intro = new ArrayList<>();
        List<Procedures.Section> sections = new ArrayList<>();
        String sectionTitle = null;
        List<String> paragraphs = new ArrayList<>();
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("## ")) {
                if (sectionTitle != null) {
                    sections.add(section(sections.size(), kinds, sectionTitle, paragraphs));
                }
                sectionTitle = ORDINAL.matcher(line.substring(3).strip()).replaceFirst("");
                paragraphs = new ArrayList<>();
            } else if (line.startsWith("# ")) {
                title = line.substring(2).strip();
            } else if (!line.isEmpty() && !line.startsWith("(")) {
                (sectionTitle == null ? intro : paragraphs).add(line);
            }
        }
        if (sectionTitle != null) {
            sections.add(section(sections.size(), kinds, sectionTitle, paragraphs));
        }
        if (sections.size() != kinds.size()) {
            throw new IllegalStateException("procedures/" + lang + ".md has " + sections.size() + " sections, expected " + kinds.size());
        }
        return new Procedures(lang, digest(text), title, intro, sections);
    }

    private static Procedures.Section section(int index, List<String> kinds, String title, List<String> paragraphs) {
        return new Procedures.Section(index + 1, kinds.get(index), title, List.copyOf(paragraphs));
    }

    private static String load(String resource) {
        try (InputStream in = SpecificationReader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String digest(String text) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
