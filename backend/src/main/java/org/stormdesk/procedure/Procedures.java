package org.stormdesk.procedure;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** The whole specification in one language, as the PWA keeps it for offline reading. */
@Serdeable
public record Procedures(String lang, String version, String title, List<String> intro, List<Section> sections) {

    /** One numbered section of the specification, tied to the incident kind it governs. */
    @Serdeable
    public record Section(int number, String kind, String title, List<String> paragraphs) {
    }
}
