package org.stormdesk.incident.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import org.stormdesk.app.Messages;
import org.stormdesk.app.ProblemException;
import org.stormdesk.incident.Incident;
import org.stormdesk.incident.IncidentDesk;
import org.stormdesk.incident.IncidentKind;
import org.stormdesk.incident.LogLine;
import org.stormdesk.incident.ReportFiled;
import org.stormdesk.journal.Actor;
import org.stormdesk.journal.ChainCheck;
import org.stormdesk.journal.PushResult;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Reports and incidents over plain HTTP, for the board, integrations and scripts (docs/api.md). */
@Controller("/api")
@ExecuteOn(TaskExecutors.BLOCKING)
class IncidentController {

    private static final Set<String> STATES = Set.of("open", "resolved", "all");

    private final IncidentDesk desk;

    IncidentController(IncidentDesk desk) {
        this.desk = desk;
    }

    @Post("/reports")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<ReportFiled> report(@Body ReportRequest body, Authentication authentication, HttpRequest<?> request) {
        List<ProblemException.Field> errors = new ArrayList<>();
        if (body.clientId() == null) {
            errors.add(new ProblemException.Field("clientId", "field.required"));
        }
        if (body.kind() == null || IncidentKind.parse(body.kind()).isEmpty()) {
            errors.add(new ProblemException.Field("kind", "incident.refused.kind"));
        }
        if (body.note() != null && body.note().length() > 2000) {
            errors.add(new ProblemException.Field("note", "field.tooLong", 2000));
        }
        boolean drill = Boolean.TRUE.equals(body.drill());
        if (drill && (body.participants() == null || body.participants().isEmpty())) {
            errors.add(new ProblemException.Field("participants", "incident.refused.participants", 300));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        IncidentDesk.Filed filed = desk.report(Actor.of(authentication), body.clientId(), body.kind(), body.seat(),
                body.note(), drill ? body.participants() : null, Messages.localeOf(request));
        return filed.created() ? HttpResponse.created(filed.report()) : HttpResponse.ok(filed.report());
    }

    @Get("/incidents")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<Incident> list(@QueryValue(defaultValue = "open") String state, @QueryValue @Nullable String drill) {
        if (!STATES.contains(state)) {
            throw ProblemException.invalid("state", "incident.state.invalid");
        }
        IncidentDesk.DrillFilter filter = IncidentDesk.DrillFilter.parse(drill)
                .orElseThrow(() -> ProblemException.invalid("drill", "incident.drill.filter"));
        return desk.list(state, filter);
    }

    /** Real incidents and drills counted apart (a drill is never in the real counts). */
    @Get("/incidents/counts")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    IncidentDesk.Counts counts() {
        return desk.counts();
    }

    @Get("/incidents/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Incident get(@PathVariable UUID id, Authentication authentication) {
        return desk.get(id, Actor.of(authentication));
    }

    @Post("/incidents/{id}/acknowledge")
    @Secured({"supervisor", "manager", "admin"})
    Incident acknowledge(@PathVariable UUID id, @Body @Nullable Action body, Authentication authentication,
                         HttpRequest<?> request) {
        return desk.acknowledge(Actor.of(authentication), id, body == null ? null : body.clientId(), Messages.localeOf(request));
    }

    @Post("/incidents/{id}/notes")
    @Secured({"supervisor", "manager", "leadership", "maintenance", "admin"})
    HttpResponse<NoteAdded> note(@PathVariable UUID id, @Body NoteRequest body, Authentication authentication,
                                 HttpRequest<?> request) {
        if (body.text() == null || body.text().isBlank()) {
            throw ProblemException.invalid("text", "field.required");
        }
        if (body.text().length() > 4000) {
            throw ProblemException.invalid("text", "field.tooLong", 4000);
        }
        PushResult result = desk.note(Actor.of(authentication), id, body.clientId(), body.text().strip(), Messages.localeOf(request));
        NoteAdded added = new NoteAdded(result.id(), result.seq() == null ? 0 : result.seq());
        return PushResult.STORED.equals(result.status()) ? HttpResponse.created(added) : HttpResponse.ok(added);
    }

    @Post("/incidents/{id}/resolve")
    @Secured({"manager", "admin"})
    Incident resolve(@PathVariable UUID id, @Body @Nullable ResolveRequest body, Authentication authentication,
                     HttpRequest<?> request) {
        Instant recoveredAt = null;
        if (body != null && body.recoveredAt() != null && !body.recoveredAt().isBlank()) {
            try {
                recoveredAt = Instant.parse(body.recoveredAt());
            } catch (DateTimeParseException e) {
                throw ProblemException.invalid("recoveredAt", "field.instant");
            }
        }
        return desk.resolve(Actor.of(authentication), id, body == null ? null : body.clientId(), recoveredAt,
                Messages.localeOf(request));
    }

    @Get("/incidents/{id}/log")
    @Secured({"supervisor", "manager", "leadership", "maintenance", "spokesperson", "admin"})
    Log log(@PathVariable UUID id, HttpRequest<?> request) {
        return new Log(id, desk.log(id, Messages.localeOf(request)));
    }

    @Get("/incidents/{id}/log/verify")
    @Secured({"supervisor", "manager", "leadership", "maintenance", "spokesperson", "admin"})
    ChainCheck verify(@PathVariable UUID id) {
        return desk.verify(id);
    }

    @Serdeable
    record ReportRequest(@Nullable UUID clientId, @Nullable String kind, @Nullable String seat, @Nullable String note,
                         @Nullable Boolean drill, @Nullable List<String> participants) {
    }

    @Serdeable
    record Action(@Nullable UUID clientId) {
    }

    @Serdeable
    record NoteRequest(@Nullable String text, @Nullable UUID clientId) {
    }

    @Serdeable
    record ResolveRequest(@Nullable String recoveredAt, @Nullable UUID clientId) {
    }

    @Serdeable
    record NoteAdded(UUID id, long seq) {
    }

    @Serdeable
    record Log(UUID incidentId, List<LogLine> entries) {
    }
}
