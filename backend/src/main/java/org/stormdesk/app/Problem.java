package org.stormdesk.app;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** An RFC 9457 problem detail, as every error of the API is answered ({@code application/problem+json}). */
@Serdeable
public record Problem(String type, String title, int status, String detail, @Nullable List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** A localized complaint about one field of the request. */
    @Serdeable
    public record FieldError(String field, String message) {
    }
}
