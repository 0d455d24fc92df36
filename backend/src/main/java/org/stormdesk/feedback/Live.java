package org.stormdesk.feedback;

import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.List;

/**
 * The live rise of reason codes and phrases against normal: the current contact volume, and the keys most above
 * their normal level for this time of day, each with its recent history (a point every five minutes).
 */
@Serdeable
public record Live(Instant at, double volume, List<Point> volumeSeries, List<Key> keys, long contactsSeen) {

    @Serdeable
    public record Key(String kind, String label, double current, double expected, double ratio, List<Point> series) {
    }

    @Serdeable
    public record Point(Instant at, double current, double expected) {
    }
}
