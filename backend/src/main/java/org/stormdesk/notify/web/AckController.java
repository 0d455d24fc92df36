package org.stormdesk.notify.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import org.stormdesk.app.Messages;
import org.stormdesk.journal.PushResult;
import org.stormdesk.notify.internal.AckTokens;
import org.stormdesk.notify.internal.NoticeText;
import org.stormdesk.notify.internal.Notices;

import java.util.Locale;

/**
 * The one-tap acknowledgement link of an escalation notice. The signed token is the credential, so the link
 * works from a phone without signing in. Opening it (GET) only shows the escalation and a button, because
 * mail scanners and chat link previews open links too; the button (POST) acknowledges, as the person the link
 * was made for.
 */
@Controller("/api/notify/ack/{token}")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
class AckController {

    private final Notices notices;
    private final Messages messages;

    AckController(Notices notices, Messages messages) {
        this.notices = notices;
        this.messages = messages;
    }

    @Get
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<String> show(@PathVariable String token, HttpRequest<?> request) {
        Locale locale = Messages.localeOf(request);
        Notices.Link link = notices.link(token);
        if (!link.valid()) {
            return refused(link.outcome(), locale);
        }
        String body = "<p class=\"what\">" + escape(NoticeText.pick(link.message(), NoticeText.tag(locale))) + "</p>"
                + "<p>" + escape(messages.get(locale, "notify.ack.as", link.person().displayName())) + "</p>"
                + "<form method=\"post\"><button type=\"submit\">" + escape(messages.get(locale, "notify.ack.button"))
                + "</button></form>";
        return page(HttpStatus.OK, locale, messages.get(locale, "notify.ack.title"), body);
    }

    @Post
    @Consumes({MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA, MediaType.TEXT_PLAIN, MediaType.APPLICATION_JSON})
    @Produces(MediaType.TEXT_HTML)
    HttpResponse<String> acknowledge(@PathVariable String token, HttpRequest<?> request) {
        Locale locale = Messages.localeOf(request);
        Notices.Link link = notices.link(token);
        if (!link.valid()) {
            return refused(link.outcome(), locale);
        }
        PushResult result = notices.acknowledge(link, locale);
        if (!result.accepted()) {
            return page(HttpStatus.CONFLICT, locale, messages.get(locale, "notify.ack.title"),
                    "<p>" + escape(result.reason()) + "</p>");
        }
        String key = PushResult.DUPLICATE.equals(result.status()) ? "notify.ack.again" : "notify.ack.done";
        return page(HttpStatus.OK, locale, messages.get(locale, "notify.ack.title"),
                "<p class=\"done\">" + escape(messages.get(locale, key, link.person().displayName())) + "</p>");
    }

    private HttpResponse<String> refused(AckTokens.Outcome outcome, Locale locale) {
        boolean expired = outcome == AckTokens.Outcome.EXPIRED;
        return page(expired ? HttpStatus.GONE : HttpStatus.BAD_REQUEST, locale, messages.get(locale, "notify.ack.title"),
                "<p>" + escape(messages.get(locale, expired ? "notify.ack.expired" : "notify.ack.invalid")) + "</p>");
    }

    private static HttpResponse<String> page(HttpStatus status, Locale locale, String title, String body) {
        String html = "<!doctype html><html lang=\"" + NoticeText.tag(locale) + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + "</title><style>"
                + "body{font-family:system-ui,sans-serif;margin:0;padding:24px;max-width:480px;line-height:1.5}"
                + "h1{font-size:1.3rem}button{width:100%;padding:16px;font-size:1.1rem;border:0;border-radius:8px;"
                + "background:#1989fa;color:#fff}.done{font-size:1.2rem}</style></head><body><h1>" + escape(title)
                + "</h1>" + body + "</body></html>";
        return HttpResponse.<String>status(status).contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header("Cache-Control", "no-store").header("Referrer-Policy", "no-referrer").body(html);
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
