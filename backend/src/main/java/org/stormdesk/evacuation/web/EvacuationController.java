package org.stormdesk.evacuation.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.evacuation.AlarmZone;
import org.stormdesk.evacuation.EvacuationDesk;
import org.stormdesk.evacuation.EvacuationKinds;
import org.stormdesk.evacuation.EvacuationSite;
import org.stormdesk.evacuation.FireTriage;
import org.stormdesk.evacuation.MarkPolicy;
import org.stormdesk.evacuation.RollCall;
import org.stormdesk.evacuation.ZoneState;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.PushResult;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Fire triage, the roll call, sites and alarm zones over HTTP (docs/api.md). The same entries a device queues offline
 * are recorded here through the journal, so both go through one set of rules.
 */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class EvacuationController {

    private final EvacuationDesk desk;

    EvacuationController(EvacuationDesk desk) {
        this.desk = desk;
    }

    @Get("/evacuation/sites")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<EvacuationSite> sites() {
        return desk.sites();
    }

    @Put("/evacuation/sites/{code}")
    @Secured({"admin"})
    EvacuationSite saveSite(@PathVariable String code, @Body SiteRequest body, Authentication authentication) {
        return desk.saveSite(Actor.of(authentication), code, body.name(), body.assemblyPoint(), body.procedure());
    }

    @Get("/incidents/{id}/fire")
    @Secured({"supervisor", "manager", "leadership", "admin"})
    FireTriage triage(@PathVariable UUID id) {
        return desk.triage(id);
    }

    @Post("/incidents/{id}/fire/triage")
    @Secured({"supervisor", "manager", "admin"})
    HttpResponse<FireTriage> answer(@PathVariable UUID id, @Body TriageRequest body, Authentication authentication,
                                    HttpRequest<?> request) {
        if (body.answer() == null || !List.of("fault", "test", "real").contains(body.answer())) {
            throw ProblemException.invalid("answer", "evacuation.refused.answer");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("answer", body.answer());
        if (body.site() != null && !body.site().isBlank()) {
            payload.put("site", body.site().strip());
        }
        if (body.note() != null && !body.note().isBlank()) {
            payload.put("note", body.note().strip());
        }
        PushResult r = desk.record(Actor.of(authentication), IncidentDesk.API_DEVICE, body.clientId(),
                EvacuationKinds.FIRE_TRIAGED, id, payload, Messages.localeOf(request));
        FireTriage triage = desk.triage(id);
        return PushResult.STORED.equals(r.status()) ? HttpResponse.created(triage) : HttpResponse.ok(triage);
    }

    @Get("/incidents/{id}/rollcall")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    RollCall rollCall(@PathVariable UUID id, Authentication authentication) {
        return desk.rollCall(id, Actor.of(authentication));
    }

    @Post("/incidents/{id}/rollcall/marks")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<RollCall> mark(@PathVariable UUID id, @Body MarkRequest body, Authentication authentication,
                                HttpRequest<?> request) {
        if (body.status() == null || MarkPolicy.parseMark(body.status()).isEmpty()) {
            throw ProblemException.invalid("status", "evacuation.refused.status");
        }
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("username", body.username() == null || body.username().isBlank() ? authentication.getName() : body.username().strip());
        payload.put("status", body.status());
        if (body.note() != null && !body.note().isBlank()) {
            payload.put("note", body.note().strip());
        }
        PushResult r = desk.record(Actor.of(authentication), IncidentDesk.API_DEVICE, body.clientId(),
                EvacuationKinds.ROLLCALL_MARKED, id, payload, Messages.localeOf(request));
        RollCall rollCall = desk.rollCall(id, Actor.of(authentication));
        return PushResult.STORED.equals(r.status()) ? HttpResponse.created(rollCall) : HttpResponse.ok(rollCall);
    }

    @Post("/incidents/{id}/rollcall/close")
    @Secured({"manager", "admin"})
    RollCall close(@PathVariable UUID id, @Body @Nullable CloseRequest body, Authentication authentication,
                   HttpRequest<?> request) {
        Map<String, Object> payload = new LinkedHashMap<>();
        if (body != null && body.reason() != null && !body.reason().isBlank()) {
            payload.put("reason", body.reason().strip());
        }
        desk.record(Actor.of(authentication), IncidentDesk.API_DEVICE, body == null ? null : body.clientId(),
                EvacuationKinds.ROLLCALL_CLOSED, id, payload, Messages.localeOf(request));
        return desk.rollCall(id, Actor.of(authentication));
    }

    @Get("/rollcalls")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<RollCall> rollCalls(@QueryValue(defaultValue = "open") String state, Authentication authentication) {
        if (!List.of("open", "all").contains(state)) {
            throw ProblemException.invalid("state", "evacuation.refused.listState");
        }
        return desk.rollCalls(Actor.of(authentication), "open".equals(state));
    }

    @Get("/alarm/zones")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<AlarmZone> zones(@QueryValue @Nullable String site) {
        return desk.zones(site);
    }

    @Put("/alarm/zones/{site}/{code}")
    @Secured({"admin"})
    AlarmZone defineZone(@PathVariable String site, @PathVariable String code, @Body ZoneRequest body) {
        return desk.defineZone(site, code, body.name(), body.floor());
    }

    @Post("/alarm/zones/{site}/{code}/state")
    @Secured({"supervisor", "manager", "maintenance", "admin"})
    AlarmZone setZone(@PathVariable String site, @PathVariable String code, @Body StateRequest body,
                      Authentication authentication, HttpRequest<?> request) {
        if (body.state() == null || ZoneState.parse(body.state()).isEmpty()) {
            throw ProblemException.invalid("state", "evacuation.refused.zoneState");
        }
        return desk.setZone(Actor.of(authentication), IncidentDesk.API_DEVICE, body.clientId(), site, code, body.state(),
                body.note(), Messages.localeOf(request));
    }

    /** The alarm panel's push: the state of some or all zones of a site, sent whenever it likes. */
    @Post("/alarm/panel")
    @Secured({"maintenance", "admin"})
    PanelAnswer panel(@Body PanelRequest body, Authentication authentication, HttpRequest<?> request) {
        if (body.site() == null || body.site().isBlank()) {
            throw ProblemException.invalid("site", "field.required");
        }
        List<Map.Entry<String, String>> states = new ArrayList<>();
        for (PanelZone z : body.zones() == null ? List.<PanelZone>of() : body.zones()) {
            states.add(new AbstractMap.SimpleEntry<>(z.zone(), z.state()));
        }
        return new PanelAnswer(body.site(), desk.panel(Actor.of(authentication), body.site(), states, Messages.localeOf(request)));
    }

    @Serdeable
    record PanelAnswer(String site, List<AlarmZone> zones) {
    }

    @Serdeable
    record SiteRequest(@Nullable String name, @Nullable String assemblyPoint, @Nullable String procedure) {
    }

    @Serdeable
    record TriageRequest(@Nullable String answer, @Nullable String site, @Nullable String note, @Nullable UUID clientId) {
    }

    @Serdeable
    record MarkRequest(@Nullable String username, @Nullable String status, @Nullable String note, @Nullable UUID clientId) {
    }

    @Serdeable
    record CloseRequest(@Nullable String reason, @Nullable UUID clientId) {
    }

    @Serdeable
    record ZoneRequest(@Nullable String name, @Nullable String floor) {
    }

    @Serdeable
    record StateRequest(@Nullable String state, @Nullable String note, @Nullable UUID clientId) {
    }

    @Serdeable
    record PanelZone(@Nullable String zone, @Nullable String state) {
    }

    @Serdeable
    record PanelRequest(@Nullable String site, @Nullable List<PanelZone> zones) {
    }
}
