package org.stormdesk.support;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.Map;

/** Calls the running server as a given person (HTTP Basic), and answers status and body whatever the status. */
public final class Api {

    private final BlockingHttpClient http;

    public Api(HttpClient client) {
        this.http = client.toBlocking();
    }

    public Answer get(String user, String path) {
        return send(HttpRequest.GET(path), user, "en");
    }

    public Answer post(String user, String path, Object body) {
        return send(HttpRequest.POST(path, body), user, "en");
    }

    public Answer post(String user, String path, Object body, String language) {
        return send(HttpRequest.POST(path, body), user, language);
    }

    public Answer send(MutableHttpRequest<?> request, String user, String language) {
        if (user != null) {
            String[] parts = user.split(":", 2);
            request.basicAuth(parts[0], parts.length > 1 ? parts[1] : "demo");
        }
        request.header("Accept-Language", language);
        try {
            HttpResponse<Map<String, Object>> response = http.exchange(request, Argument.mapOf(String.class, Object.class));
            return new Answer(response.code(), response.getBody().orElse(Map.of()), null);
        } catch (HttpClientResponseException e) {
            Map<String, Object> body = e.getResponse().getBody(Argument.mapOf(String.class, Object.class)).orElse(Map.of());
            return new Answer(e.code(), body, e.getResponse().getContentType().map(Object::toString).orElse(null));
        }
    }

    /** A JSON array answer (lists). */
    public java.util.List<Map<String, Object>> list(String user, String path) {
        MutableHttpRequest<?> request = HttpRequest.GET(path);
        String[] parts = user.split(":", 2);
        request.basicAuth(parts[0], parts.length > 1 ? parts[1] : "demo");
        return http.retrieve(request, Argument.listOf(Argument.mapOf(String.class, Object.class)));
    }

    /** Status, JSON body, and for errors the content type. */
    public record Answer(int status, Map<String, Object> body, String errorContentType) {
        public Object get(String field) {
            return body.get(field);
        }
    }
}
