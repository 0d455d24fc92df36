package org.stormdesk.app;

import com.nimbusds.jose.JWSAlgorithm;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.env.Environment;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.security.token.jwt.signature.SignatureGeneratorConfiguration;
import io.micronaut.security.token.jwt.signature.secret.SecretSignature;
import io.micronaut.security.token.jwt.signature.secret.SecretSignatureConfiguration;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * The key that signs session cookies. Given in production; elsewhere made once and kept in the data
 * directory, so that sessions outlive a restart of the server (a power cut must not sign everybody out).
 */
@Factory
public class SessionSigning {

    static final int MIN_LENGTH = 32;

    @Singleton
    @Named("generator")
    SignatureGeneratorConfiguration sessionSignature(Settings settings, Environment environment) {
        SecretSignatureConfiguration configuration = new SecretSignatureConfiguration("generator");
        configuration.setJwsAlgorithm(JWSAlgorithm.HS256);
        configuration.setSecret(secret(settings, environment.getActiveNames().contains("prod")));
        return new SecretSignature(configuration);
    }

    static String secret(Settings settings, boolean production) {
        String given = settings.sessionSecret();
        if (given != null && !given.isBlank()) {
            if (given.length() < MIN_LENGTH) {
                throw new ConfigurationException("stormdesk.session-secret must have at least " + MIN_LENGTH + " characters");
            }
            return given;
        }
        if (production) {
            throw new ConfigurationException("Set STORMDESK_SESSION_SECRET (at least " + MIN_LENGTH + " random characters) in production");
        }
        return DataDirSecrets.readOrCreate(Path.of(settings.dataDir(), "session-secret"), DataDirSecrets::randomHex,
                "session secret");
    }
}
