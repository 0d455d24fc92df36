package org.stormdesk.notify.internal;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.inject.Singleton;
import org.stormdesk.app.DataDirSecrets;
import org.stormdesk.app.Settings;
import org.stormdesk.notify.NotifySettings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The key that signs acknowledgement links, kept like the session key: given ({@code stormdesk.notify.link-secret});
 * else derived from the session secret when that is given (so production needs no second secret, and a link
 * key never signs a session); else made once and kept in the data directory, so links outlive a restart.
 */
@Factory
class AckKeys {

    static final int MIN_LENGTH = 32;

    @Singleton
    AckTokens ackTokens(NotifySettings notify, Settings settings) {
        return new AckTokens(key(notify, settings), notify.linkValidFor());
    }

    static byte[] key(NotifySettings notify, Settings settings) {
        String given = notify.linkSecret();
        if (given != null && !given.isBlank()) {
            if (given.length() < MIN_LENGTH) {
                throw new ConfigurationException("stormdesk.notify.link-secret must have at least " + MIN_LENGTH + " characters");
            }
            return given.getBytes(StandardCharsets.UTF_8);
        }
        String session = settings.sessionSecret();
        if (session != null && !session.isBlank()) {
            return Signatures.hmac(session.getBytes(StandardCharsets.UTF_8),
                    "stormdesk notify acknowledgement links".getBytes(StandardCharsets.UTF_8));
        }
        return DataDirSecrets.readOrCreate(Path.of(settings.dataDir(), "notify-link-secret"), DataDirSecrets::randomHex,
                "acknowledgement link key").getBytes(StandardCharsets.UTF_8);
    }
}
