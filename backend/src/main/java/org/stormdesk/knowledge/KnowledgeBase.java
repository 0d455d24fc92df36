package org.stormdesk.knowledge;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.stormdesk.app.ProblemException;
import org.stormdesk.journal.Actor;
import org.stormdesk.knowledge.db.ArticleRepository;
import org.stormdesk.knowledge.db.ArticleRow;
import org.stormdesk.knowledge.db.ArticleVersionRepository;
import org.stormdesk.knowledge.db.ArticleVersionRow;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The knowledge base (S2.3): everyone signed in reads and searches it (the app keeps a copy to read offline);
 * managers and administrators write it. Every save keeps the version it made, with who and when.
 */
@Singleton
public class KnowledgeBase {

    public static final List<String> LANGUAGES = List.of("zh-CN", "en", "zh-TW");
    public static final int MAX_PRODUCT = 60;
    public static final int MAX_TITLE = 200;
    public static final int MAX_BODY = 20_000;
    public static final int MAX_TAGS = 12;
    public static final int MAX_TAG = 30;
    public static final Set<String> EDITORS = Set.of("manager", "admin");

    private final ArticleRepository articles;
    private final ArticleVersionRepository versions;
    private final Clock clock;

    public KnowledgeBase(ArticleRepository articles, ArticleVersionRepository versions, Clock clock) {
        this.articles = articles;
        this.versions = versions;
        this.clock = clock;
    }

    public static boolean mayEdit(Actor actor) {
        return actor.roles().stream().anyMatch(EDITORS::contains);
    }

    /** Every article in force, with its whole text (the app caches all of it). */
    public List<Article> all() {
        return articles.current().stream().map(KnowledgeBase::article).toList();
    }

    public Article get(UUID id) {
        return articles.findById(id).map(KnowledgeBase::article)
                .orElseThrow(() -> ProblemException.notFound("knowledge.notFound"));
    }

    public List<ArticleHit> search(String query, String language) {
        return KnowledgeSearch.search(all(), query, language);
    }

    public List<ArticleVersion> versions(UUID id) {
        get(id);
        return versions.versions(id).stream().map(v -> new ArticleVersion(v.version(), v.savedBy(), v.savedAt(),
                texts(v.titleZhCn(), v.titleEn(), v.titleZhTw()), v.archived())).toList();
    }

    public boolean isEmpty() {
        return articles.count() == 0;
    }

    /** Adds an article (managers and administrators). */
    @Transactional
    public Article create(Actor actor, ArticleDraft draft) {
        return create(actor, UUID.randomUUID(), draft);
    }

    @Transactional
    public Article create(Actor actor, UUID id, ArticleDraft draft) {
        requireEditor(actor);
        Clean c = clean(draft);
        Instant now = now();
        ArticleRow row = new ArticleRow(id, c.product, c.tags, c.title.get("zh-CN"), c.title.get("en"),
                c.title.get("zh-TW"), c.body.get("zh-CN"), c.body.get("en"), c.body.get("zh-TW"), 1, false,
                actor.username(), now, actor.username(), now);
        articles.save(row);
        keep(row);
        return article(row);
    }

    /** Saves a new version of an article; refused when someone saved a newer one since {@code draft.version()}. */
    @Transactional
    public Article update(Actor actor, UUID id, ArticleDraft draft) {
        requireEditor(actor);
        Clean c = clean(draft);
        if (draft.version() == null) {
            throw ProblemException.invalid("version", "field.required");
        }
        ArticleRow current = articles.lock(id).orElseThrow(() -> ProblemException.notFound("knowledge.notFound"));
        if (current.version() != draft.version()) {
            throw ProblemException.conflict("knowledge.conflict", current.updatedBy(), current.version());
        }
        ArticleRow row = new ArticleRow(id, c.product, c.tags, c.title.get("zh-CN"), c.title.get("en"),
                c.title.get("zh-TW"), c.body.get("zh-CN"), c.body.get("en"), c.body.get("zh-TW"), current.version() + 1,
                false, current.createdBy(), current.createdAt(), actor.username(), now());
        articles.update(row);
        keep(row);
        return article(row);
    }

    /** Takes an article out of the knowledge base (kept, with its versions, as an archived version). */
    @Transactional
    public void archive(Actor actor, UUID id) {
        requireEditor(actor);
        ArticleRow current = articles.lock(id).orElseThrow(() -> ProblemException.notFound("knowledge.notFound"));
        if (current.archived()) {
            return;
        }
        ArticleRow row = new ArticleRow(id, current.product(), current.tags(), current.titleZhCn(), current.titleEn(),
                current.titleZhTw(), current.bodyZhCn(), current.bodyEn(), current.bodyZhTw(), current.version() + 1, true,
                current.createdBy(), current.createdAt(), actor.username(), now());
        articles.update(row);
        keep(row);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private void keep(ArticleRow r) {
        versions.save(new ArticleVersionRow(UUID.randomUUID(), r.id(), r.version(), r.product(), r.tags(), r.titleZhCn(),
                r.titleEn(), r.titleZhTw(), r.bodyZhCn(), r.bodyEn(), r.bodyZhTw(), r.archived(), r.updatedBy(), r.updatedAt()));
    }

    private static void requireEditor(Actor actor) {
        if (!mayEdit(actor)) {
            throw ProblemException.forbidden("knowledge.editorsOnly");
        }
    }

    private record Clean(String product, String tags, Map<String, String> title, Map<String, String> body) {
    }

    /** Checks a draft field by field; refuses it whole with every fault named. */
    static Clean clean(ArticleDraft d) {
        List<ProblemException.Field> errors = new ArrayList<>();
        String product = d.product() == null ? "" : d.product().strip();
        if (product.isEmpty()) {
            errors.add(new ProblemException.Field("product", "field.required"));
        } else if (product.length() > MAX_PRODUCT) {
            errors.add(new ProblemException.Field("product", "field.tooLong", MAX_PRODUCT));
        }
        Set<String> tags = new LinkedHashSet<>();
        for (String tag : d.tags() == null ? List.<String>of() : d.tags()) {
            String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT).replace(",", " ");
            if (!t.isEmpty()) {
                tags.add(t);
            }
        }
        if (tags.size() > MAX_TAGS || tags.stream().anyMatch(t -> t.length() > MAX_TAG)) {
            errors.add(new ProblemException.Field("tags", "knowledge.tags", MAX_TAGS, MAX_TAG));
        }
        Map<String, String> title = new LinkedHashMap<>();
        Map<String, String> body = new LinkedHashMap<>();
        for (String lang : LANGUAGES) {
            String t = text(d.title(), lang);
            String b = text(d.body(), lang);
            if (t == null && b == null) {
                continue;
            }
            if (t == null) {
                errors.add(new ProblemException.Field("title." + lang, "field.required"));
            } else if (t.length() > MAX_TITLE) {
                errors.add(new ProblemException.Field("title." + lang, "field.tooLong", MAX_TITLE));
            }
            if (b == null) {
                errors.add(new ProblemException.Field("body." + lang, "field.required"));
            } else if (b.length() > MAX_BODY) {
                errors.add(new ProblemException.Field("body." + lang, "field.tooLong", MAX_BODY));
            }
            title.put(lang, t);
            body.put(lang, b);
        }
        if (!title.containsKey("zh-CN") && !title.containsKey("en")) {
            errors.add(new ProblemException.Field("title", "knowledge.needsText"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(errors);
        }
        return new Clean(product, String.join(",", tags), title, body);
    }

    private static @Nullable String text(@Nullable Map<String, String> texts, String lang) {
        if (texts == null) {
            return null;
        }
        String s = texts.get(lang);
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static Map<String, String> texts(@Nullable String zhCn, @Nullable String en, @Nullable String zhTw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (zhCn != null) {
            out.put("zh-CN", zhCn);
        }
        if (en != null) {
            out.put("en", en);
        }
        if (zhTw != null) {
            out.put("zh-TW", zhTw);
        }
        return out;
    }

    static Article article(ArticleRow r) {
        List<String> tags = r.tags().isEmpty() ? List.of() : Arrays.asList(r.tags().split(","));
        return new Article(r.id(), r.product(), tags, texts(r.titleZhCn(), r.titleEn(), r.titleZhTw()),
                texts(r.bodyZhCn(), r.bodyEn(), r.bodyZhTw()), r.version(), r.createdBy(), r.createdAt(), r.updatedBy(),
                r.updatedAt(), r.archived() ? Boolean.TRUE : null);
    }
}
