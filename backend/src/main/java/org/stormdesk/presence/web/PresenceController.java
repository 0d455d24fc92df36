package org.stormdesk.presence.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.journal.Actor;
import org.stormdesk.presence.LeaveRequest;
import org.stormdesk.presence.OnDuty;
import org.stormdesk.presence.PresenceDesk;
import org.stormdesk.presence.PresenceKinds;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Presence over HTTP (docs/api.md). Everyone signed in sends their app's heartbeat, reads their own state, asks to
 * leave, marks themselves back or away; managers, team leads and administrators read the duty list and decide.
 */
@Controller("/api/presence")
@ExecuteOn(TaskExecutors.BLOCKING)
class PresenceController {

    private final PresenceDesk desk;

    PresenceController(PresenceDesk desk) {
        this.desk = desk;
    }

    @Get
    @Secured({"manager", "supervisor", "leadership", "admin"})
    List<OnDuty> dutyList() {
        return desk.dutyList();
    }

    @Get("/requests")
    @Secured({"manager", "supervisor", "leadership", "admin"})
    List<LeaveRequest> requests() {
        return desk.requests();
    }

    @Get("/me")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    PresenceDesk.Mine mine(Authentication authentication) {
        // whoever asks after their own presence is there
        desk.heartbeat(authentication.getName());
        return desk.mine(authentication.getName());
    }

    @Post("/heartbeat")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Map<String, Object> heartbeat(Authentication authentication) {
        return Map.of("seenAt", desk.heartbeat(authentication.getName()).toString());
    }

    @Post("/leave")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<LeaveRequest> ask(@Body LeaveBody body, Authentication authentication, HttpRequest<?> request) {
        if (body.reason() == null || body.reason().isBlank()) {
            throw ProblemException.invalid("reason", "field.required");
        }
        if (body.expectedBackAt() == null) {
            throw ProblemException.invalid("expectedBackAt", "field.required");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reason", body.reason().strip());
        payload.put("expectedBackAt", body.expectedBackAt().toString());
        UUID id = desk.record(Actor.of(authentication), body.clientId(), PresenceKinds.LEAVE_REQUESTED, body.incident(),
                payload, Messages.localeOf(request)).id();
        return HttpResponse.created(desk.request(id).orElseThrow());
    }

    /** allow or refuse. */
    @Post("/requests/{id}/{decision}")
    @Secured({"manager", "supervisor", "admin"})
    LeaveRequest decide(@PathVariable UUID id, @PathVariable String decision, @Body @Nullable NoteBody body,
                        Authentication authentication, HttpRequest<?> request) {
        if (!"allow".equals(decision) && !"refuse".equals(decision)) {
            throw ProblemException.notFound("problem.notFound");
        }
        desk.request(id).orElseThrow(() -> ProblemException.notFound("presence.refused.unknownRequest"));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("request", id.toString());
        payload.put("allowed", "allow".equals(decision));
        if (body != null && body.note() != null && !body.note().isBlank()) {
            payload.put("note", body.note().strip());
        }
        desk.record(Actor.of(authentication), body == null ? null : body.clientId(), PresenceKinds.LEAVE_DECIDED, null,
                payload, Messages.localeOf(request));
        return desk.request(id).orElseThrow();
    }

    @Post("/returned")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    PresenceDesk.Mine returned(@Body @Nullable NoteBody body, Authentication authentication, HttpRequest<?> request) {
        desk.record(Actor.of(authentication), body == null ? null : body.clientId(), PresenceKinds.RETURNED, null, Map.of(),
                Messages.localeOf(request));
        return desk.mine(authentication.getName());
    }

    @Post("/away")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<Void> away(@Body @Nullable AwayBody body, Authentication authentication, HttpRequest<?> request) {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (body != null && body.username() != null && !body.username().isBlank()) {
            payload.put("username", body.username().strip());
        }
        if (body != null && body.note() != null && !body.note().isBlank()) {
            payload.put("note", body.note().strip());
        }
        desk.record(Actor.of(authentication), body == null ? null : body.clientId(), PresenceKinds.AWAY, null, payload,
                Messages.localeOf(request));
        return HttpResponse.noContent();
    }

    @Serdeable
    record LeaveBody(@Nullable String reason, @Nullable Instant expectedBackAt, @Nullable UUID incident, @Nullable UUID clientId) {
    }

    @Serdeable
    record NoteBody(@Nullable String note, @Nullable UUID clientId) {
    }

    @Serdeable
    record AwayBody(@Nullable String username, @Nullable String note, @Nullable UUID clientId) {
    }
}
