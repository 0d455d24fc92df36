package org.stormdesk.app;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.http.server.exceptions.response.HateoasErrorResponseProcessor;
import jakarta.inject.Singleton;

import java.util.List;
import java.util.Locale;

/**
 * Turns every error the server answers (ours, the framework's 400/401/403/404/405/500) into a localized
 * {@code application/problem+json} body, so clients need to understand one error shape only.
 */
@Singleton
@Replaces(HateoasErrorResponseProcessor.class)
public class ProblemResponses implements ErrorResponseProcessor<Problem> {

    private final Messages messages;

    public ProblemResponses(Messages messages) {
        this.messages = messages;
    }

    @Override
    public MutableHttpResponse<Problem> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpRequest<?> request = context.getRequest();
        Locale locale = Messages.localeOf(request);
        int status = response.code();
        Throwable cause = context.getRootCause().orElse(null);
        Problem problem;
        if (cause instanceof ProblemException p) {
            problem = of(locale, p);
        } else {
            String key = switch (status) {
                case 400 -> "problem.badRequest";
                case 401 -> "problem.unauthorized";
                case 403 -> "problem.forbidden";
                case 404 -> "problem.notFound";
                case 405 -> "problem.methodNotAllowed";
                case 413 -> "problem.tooLarge";
                case 415 -> "problem.unsupportedMediaType";
                default -> status >= 500 ? "problem.serverError" : "problem.badRequest";
            };
            List<Problem.FieldError> fields = null;
            if (cause instanceof ConversionErrorException conversion) {
                fields = List.of(new Problem.FieldError(conversion.getArgument().getName(),
                        messages.get(locale, "field.malformed")));
            }
            problem = new Problem("about:blank", messages.get(locale, "status." + status), status,
                    messages.get(locale, key), fields);
        }
        return ((MutableHttpResponse<Problem>) response).body(problem).contentType(Problem.MEDIA_TYPE);
    }

    Problem of(Locale locale, ProblemException p) {
        List<Problem.FieldError> fields = p.fields().isEmpty() ? null : p.fields().stream()
                .map(f -> new Problem.FieldError(f.name(), messages.get(locale, f.key(), f.args())))
                .toList();
        int status = p.status().getCode();
        return new Problem("about:blank", messages.get(locale, "status." + status), status,
                messages.get(locale, p.detailKey(), p.args()), fields);
    }

    /** Answers a {@link ProblemException} thrown anywhere with its own status and localized problem. */
    @Produces(Problem.MEDIA_TYPE)
    @Singleton
    @Requires(classes = {ProblemException.class, ExceptionHandler.class})
    public static class Handler implements ExceptionHandler<ProblemException, HttpResponse<Problem>> {

        private final ProblemResponses responses;

        public Handler(ProblemResponses responses) {
            this.responses = responses;
        }

        @Override
        public HttpResponse<Problem> handle(HttpRequest request, ProblemException exception) {
            Problem problem = responses.of(Messages.localeOf(request), exception);
            return HttpResponse.<Problem>status(HttpStatus.valueOf(problem.status()))
                    .body(problem).contentType(Problem.MEDIA_TYPE);
        }
    }
}
