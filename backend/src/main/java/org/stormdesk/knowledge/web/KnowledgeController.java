package org.stormdesk.knowledge.web;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
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
import org.stormdesk.app.Messages;
import org.stormdesk.journal.Actor;
import org.stormdesk.knowledge.Article;
import org.stormdesk.knowledge.ArticleDraft;
import org.stormdesk.knowledge.ArticleHit;
import org.stormdesk.knowledge.ArticleVersion;
import org.stormdesk.knowledge.KnowledgeBase;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** The knowledge base over HTTP (docs/api.md): anyone signed in reads and searches, managers and administrators write. */
@Controller("/api/knowledge")
@ExecuteOn(TaskExecutors.BLOCKING)
class KnowledgeController {

    private final KnowledgeBase knowledge;

    KnowledgeController(KnowledgeBase knowledge) {
        this.knowledge = knowledge;
    }

    /** Every article with its whole text, for the app's offline copy. */
    @Get("/articles")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<Article> all() {
        return knowledge.all();
    }

    @Get("/search")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<ArticleHit> search(@QueryValue @Nullable String q, @QueryValue @Nullable String lang, HttpRequest<?> request) {
        Locale locale = lang == null ? null : Messages.supported(lang);
        Locale l = locale == null ? Messages.localeOf(request) : locale;
        String language = Messages.EN.getLanguage().equals(l.getLanguage()) ? "en" : Messages.ZH_TW.equals(l) ? "zh-TW" : "zh-CN";
        return q == null ? List.of() : knowledge.search(q, language);
    }

    @Get("/articles/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    Article get(@PathVariable UUID id) {
        return knowledge.get(id);
    }

    @Get("/articles/{id}/versions")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    List<ArticleVersion> versions(@PathVariable UUID id) {
        return knowledge.versions(id);
    }

    @Post("/articles")
    @Secured({"manager", "admin"})
    HttpResponse<Article> create(@Body ArticleDraft draft, Authentication authentication) {
        return HttpResponse.created(knowledge.create(Actor.of(authentication), draft));
    }

    @Put("/articles/{id}")
    @Secured({"manager", "admin"})
    Article update(@PathVariable UUID id, @Body ArticleDraft draft, Authentication authentication) {
        return knowledge.update(Actor.of(authentication), id, draft);
    }

    @Delete("/articles/{id}")
    @Secured({"manager", "admin"})
    HttpResponse<Void> archive(@PathVariable UUID id, Authentication authentication) {
        knowledge.archive(Actor.of(authentication), id);
        return HttpResponse.noContent();
    }
}
