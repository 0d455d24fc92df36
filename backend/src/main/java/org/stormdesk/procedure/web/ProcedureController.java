package org.stormdesk.procedure.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.stormdesk.app.Messages;
import org.stormdesk.procedure.ProcedureLibrary;
import org.stormdesk.procedure.Procedures;

import java.util.List;
import java.util.Locale;

/** The specification, readable by anyone, even before signing in: it is what people need when all else fails. */
@Controller("/api")
@Secured(SecurityRule.IS_ANONYMOUS)
class ProcedureController {

    private final ProcedureLibrary library;

    ProcedureController(ProcedureLibrary library) {
        this.library = library;
    }

    @Get("/procedures")
    Procedures procedures(@QueryValue @Nullable String lang, HttpRequest<?> request) {
        Locale locale = lang != null && Messages.supported(lang) != null ? Messages.supported(lang) : Messages.localeOf(request);
        String tag = locale.equals(Messages.EN) ? "en" : locale.equals(Messages.ZH_TW) ? "zh-TW" : "zh-CN";
        return library.in(tag);
    }

    @Get("/meta/kinds")
    List<String> kinds() {
        return ProcedureLibrary.KINDS;
    }
}
