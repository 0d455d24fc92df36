package org.stormdesk.procedure.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import org.stormdesk.app.ProblemException;
import org.stormdesk.procedure.Playbook;
import org.stormdesk.procedure.PlaybookVersion;
import org.stormdesk.procedure.Playbooks;

import java.util.List;

/**
 * The playbooks over HTTP (docs/playbooks.md): everyone signed in reads them (the PWA keeps them for offline
 * work); only an administrator saves a new version.
 */
@Controller("/api/playbooks")
@ExecuteOn(TaskExecutors.BLOCKING)
class PlaybookController {

    static final String YAML = "text/yaml";

    private final Playbooks playbooks;

    PlaybookController(Playbooks playbooks) {
        this.playbooks = playbooks;
    }

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<PlaybookVersion> list() {
        return playbooks.list();
    }

    @Get("/{kind}/versions")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<PlaybookVersion> history(@PathVariable String kind) {
        return playbooks.history(kind);
    }

    /** The YAML as saved ({@code text/yaml}), or the playbook as JSON when the client accepts only JSON. */
    @Get(value = "/{kind}", produces = {YAML, MediaType.APPLICATION_JSON})
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> get(@PathVariable String kind, @QueryValue @Nullable Integer version, HttpRequest<?> request) {
        Playbooks.Saved saved = playbooks.yaml(kind, version)
                .orElseThrow(() -> ProblemException.notFound("playbook.notFound", kind));
        if (wantsJson(request)) {
            Playbook playbook = playbooks.get(kind, saved.version().version()).orElseThrow();
            return HttpResponse.ok(playbook).contentType(MediaType.APPLICATION_JSON_TYPE);
        }
        return HttpResponse.ok(saved.yaml()).contentType(YAML + ";charset=utf-8")
                .header("X-Playbook-Version", String.valueOf(saved.version().version()));
    }

    @Put(value = "/{kind}", consumes = {YAML, "application/yaml", "application/x-yaml", MediaType.TEXT_PLAIN})
    @Secured("admin")
    PlaybookVersion put(@PathVariable String kind, @Body @Nullable String yaml, Authentication authentication) {
        return playbooks.save(kind, yaml == null ? "" : yaml, authentication.getName());
    }

    private static boolean wantsJson(HttpRequest<?> request) {
        String accept = request.getHeaders().get(HttpHeaders.ACCEPT);
        return accept != null && accept.contains("json") && !accept.contains("yaml");
    }
}
