package org.stormdesk.capture.internal;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.stormdesk.capture.CaptureSettings;
import org.stormdesk.capture.db.SettingRepository;
import org.stormdesk.capture.db.SettingRow;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The administrator's capture settings, read at most every few seconds (the journal's writer asks for each
 * captured record whether the CRM webhook is on); saving takes effect at once on this node, within seconds on others.
 */
@Singleton
public class CaptureSetup {

    public static final int SETTINGS_ID = 1;
    static final Duration FRESH_FOR = Duration.ofSeconds(5);

    private final SettingRepository settings;
    private final Clock clock;
    private volatile Cached cached;

    private record Cached(Optional<SettingRow> row, Instant readAt) {
    }

    public CaptureSetup(SettingRepository settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    public Optional<SettingRow> row() {
        Cached c = cached;
        Instant now = Instant.now();
        if (c == null || c.readAt().plus(FRESH_FOR).isBefore(now)) {
            c = new Cached(settings.findById(SETTINGS_ID), now);
            cached = c;
        }
        return c.row();
    }

    public boolean webhookOn() {
        return row().map(SettingRow::webhookUrl).filter(u -> !u.isBlank()).isPresent();
    }

    public int retentionDays() {
        return row().map(SettingRow::retentionDays).orElse(CaptureSettings.DEFAULT_RETENTION_DAYS);
    }

    public CaptureSettings view() {
        return row().map(r -> new CaptureSettings(r.webhookUrl(), r.webhookSecret() != null && !r.webhookSecret().isBlank(),
                        r.retentionDays(), r.updatedBy(), r.updatedAt()))
                .orElse(new CaptureSettings(null, false, CaptureSettings.DEFAULT_RETENTION_DAYS, null, null));
    }

    /** Saves the settings; a null secret keeps the one set before, a blank one clears it. */
    public CaptureSettings save(@Nullable String webhookUrl, @Nullable String secret, int retentionDays, String by) {
        Optional<SettingRow> before = settings.findById(SETTINGS_ID);
        String keptSecret = secret == null ? before.map(SettingRow::webhookSecret).orElse(null) : (secret.isBlank() ? null : secret);
        SettingRow row = new SettingRow(SETTINGS_ID, webhookUrl == null || webhookUrl.isBlank() ? null : webhookUrl.strip(),
                keptSecret, retentionDays, by, clock.instant());
        if (before.isPresent()) {
            settings.update(row);
        } else {
            settings.save(row);
        }
        cached = null;
        return view();
    }
}
