package org.stormdesk.app;

import io.micronaut.http.HttpStatus;

import java.util.List;

/**
 * A refusal that reaches the person as a localized problem: the status, a message key for the detail
 * (with its arguments), and the fields at fault, each with its own message key.
 */
public class ProblemException extends RuntimeException {

    private final HttpStatus status;
    private final String detailKey;
    private final transient Object[] args;
    private final List<Field> fields;

    public ProblemException(HttpStatus status, String detailKey, List<Field> fields, Object... args) {
        super(detailKey);
        this.status = status;
        this.detailKey = detailKey;
        this.args = args;
        this.fields = List.copyOf(fields);
    }

    public static ProblemException notFound(String detailKey, Object... args) {
        return new ProblemException(HttpStatus.NOT_FOUND, detailKey, List.of(), args);
    }

    public static ProblemException invalid(List<Field> fields) {
        return new ProblemException(HttpStatus.BAD_REQUEST, "problem.invalid", fields);
    }

    public static ProblemException invalid(String field, String key, Object... args) {
        return invalid(List.of(new Field(field, key, args)));
    }

    public static ProblemException forbidden(String detailKey) {
        return new ProblemException(HttpStatus.FORBIDDEN, detailKey, List.of());
    }

    public static ProblemException conflict(String detailKey, Object... args) {
        return new ProblemException(HttpStatus.CONFLICT, detailKey, List.of(), args);
    }

    public HttpStatus status() {
        return status;
    }

    public String detailKey() {
        return detailKey;
    }

    public Object[] args() {
        return args.clone();
    }

    public List<Field> fields() {
        return fields;
    }

    /** One field at fault, with the message key that says why. */
    public record Field(String name, String key, Object... args) {
    }
}
