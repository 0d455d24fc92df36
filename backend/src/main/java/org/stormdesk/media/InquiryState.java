package org.stormdesk.media;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Where an inquiry of the media register stands, in the order it moves. */
public enum InquiryState {
    NEW, WITH_MANAGER, REFERRED, ANSWERED, DECLINED;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean closed() {
        return this == ANSWERED || this == DECLINED;
    }

    public static Optional<InquiryState> parse(String wire) {
        return Arrays.stream(values()).filter(s -> s.wire().equals(wire)).findFirst();
    }
}
