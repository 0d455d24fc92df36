package org.stormdesk.report.internal;

import jakarta.inject.Singleton;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.stormdesk.app.Messages;
import org.stormdesk.app.PdfFonts;
import org.stormdesk.incident.LogLine;
import org.stormdesk.report.FollowUp;
import org.stormdesk.report.Review;
import org.stormdesk.report.Reports;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/**
 * An incident's report as a PDF in the reader's language: the incident's facts, the hash-chain check of its
 * management log, the review with its follow-up actions, and the timeline (the management log itself).
 */
@Singleton
public class IncidentPdf {

    private static final float BODY = 9.5f;
    private static final Color SHADE = new Color(0xEE, 0xF1, 0xF5);

    private final Messages messages;

    public IncidentPdf(Messages messages) {
        this.messages = messages;
    }

    public byte[] render(Review review, ZoneId zone, Locale locale) {
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
        DateTimeFormatter date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document doc = new Document(PageSize.A4, 42, 42, 48, 48);
        try {
            PdfWriter.getInstance(doc, out);
            doc.addTitle(m(locale, "report.pdf.title", kind(review.kind(), locale)));
            doc.addCreator("Stormdesk");
            doc.open();
            doc.add(new Paragraph(PdfFonts.phrase(m(locale, "report.pdf.title", kind(review.kind(), locale)), 16, true)));
            doc.add(new Paragraph(PdfFonts.phrase(m(locale, "report.pdf.subtitle", review.incidentId(), zone.getId()), 8, false)));
            doc.add(space());

            PdfPTable facts = new PdfPTable(new float[]{1, 2});
            facts.setWidthPercentage(100);
            fact(facts, m(locale, "report.pdf.kind"), kind(review.kind(), locale));
            fact(facts, m(locale, "report.pdf.severity"), m(locale, "severity." + review.severity()));
            fact(facts, m(locale, "report.pdf.site"), review.site() == null ? m(locale, "report.noSite") : review.site());
            if (review.drill()) {
                fact(facts, m(locale, "report.pdf.drill"), m(locale, "report.yes"));
            }
            fact(facts, m(locale, "report.pdf.started"), time.format(review.startedAt()));
            fact(facts, m(locale, "report.pdf.acknowledged"), when(review.startedAt(), review.acknowledgedAt(), time, locale));
            fact(facts, m(locale, "report.pdf.recovered"), when(review.startedAt(), review.recoveredAt(), time, locale));
            fact(facts, m(locale, "report.pdf.chain"), review.chain().valid()
                    ? m(locale, "report.pdf.chainValid", review.chain().entries())
                    : m(locale, "report.pdf.chainBroken", review.chain().entries(), review.chain().brokenAt()));
            doc.add(facts);

            heading(doc, m(locale, "report.pdf.review"));
            String state = m(locale, "report.review.state." + review.state());
            String who = review.writtenBy() == null ? "" : m(locale, "report.pdf.writtenBy", review.writtenBy(),
                    time.format(review.writtenAt()), review.version());
            String approved = review.approvedBy() == null ? "" : " " + m(locale, "report.pdf.approvedBy",
                    review.approvedBy(), time.format(review.approvedAt()));
            doc.add(new Paragraph(PdfFonts.phrase(state + (who.isEmpty() ? "" : " · " + who) + approved, BODY, false)));
            section(doc, m(locale, "report.review.whatHappened"), review.whatHappened(), locale);
            section(doc, m(locale, "report.review.impact"), review.impact(), locale);
            section(doc, m(locale, "report.review.wentWell"), review.wentWell(), locale);
            section(doc, m(locale, "report.review.toChange"), review.toChange(), locale);

            heading(doc, m(locale, "report.pdf.actions"));
            if (review.actions().isEmpty()) {
                doc.add(new Paragraph(PdfFonts.phrase(m(locale, "report.pdf.none"), BODY, false)));
            } else {
                PdfPTable actions = new PdfPTable(new float[]{5, 2, 2, 2});
                actions.setWidthPercentage(100);
                actions.setHeaderRows(1);
                header(actions, m(locale, "report.review.action"), m(locale, "report.review.owner"),
                        m(locale, "report.review.due"), m(locale, "report.review.actionState"));
                for (FollowUp a : review.actions()) {
                    cell(actions, a.text());
                    cell(actions, a.owner());
                    cell(actions, date.format(a.due()));
                    cell(actions, m(locale, "report.review.action." + a.state())
                            + (a.overdue() ? " · " + m(locale, "report.review.overdue") : ""));
                }
                doc.add(actions);
            }

            heading(doc, m(locale, "report.pdf.timeline"));
            PdfPTable log = new PdfPTable(new float[]{2.3f, 1.3f, 6});
            log.setWidthPercentage(100);
            log.setHeaderRows(1);
            header(log, m(locale, "report.pdf.at"), m(locale, "report.pdf.by"), m(locale, "report.pdf.what"));
            for (LogLine line : review.timeline()) {
                cell(log, time.format(line.at()));
                cell(log, line.actor());
                cell(log, "#" + line.seq() + " " + line.text());
            }
            doc.add(log);
            doc.add(space());
            doc.add(new Paragraph(PdfFonts.phrase(m(locale, "report.pdf.hashNote"), 7, false)));
        } catch (DocumentException e) {
            throw new IllegalStateException("The incident report could not be laid out", e);
        } finally {
            doc.close();
        }
        return out.toByteArray();
    }

    private String when(Instant start, Instant at, DateTimeFormatter time, Locale locale) {
        if (at == null) {
            return m(locale, "report.pdf.notYet");
        }
        long minutes = Duration.between(start, at).toMinutes();
        return m(locale, "report.pdf.after", time.format(at), minutes);
    }

    private String kind(String kind, Locale locale) {
        return Reports.label(messages, locale, "kind", kind);
    }

    private String m(Locale locale, String key, Object... args) {
        return messages.get(locale, key, args);
    }

    private static Paragraph space() {
        return new Paragraph(PdfFonts.phrase(" ", 6, false));
    }

    private static void heading(Document doc, String text) throws DocumentException {
        Paragraph p = new Paragraph(PdfFonts.phrase(text, 12, true));
        p.setSpacingBefore(12);
        p.setSpacingAfter(4);
        doc.add(p);
    }

    private void section(Document doc, String title, String text, Locale locale) throws DocumentException {
        Paragraph t = new Paragraph(PdfFonts.phrase(title, 10, true));
        t.setSpacingBefore(6);
        doc.add(t);
        doc.add(new Paragraph(PdfFonts.phrase(text == null || text.isBlank() ? m(locale, "report.pdf.none") : text, BODY, false)));
    }

    private static void fact(PdfPTable table, String label, String value) {
        PdfPCell l = new PdfPCell(PdfFonts.phrase(label, BODY, true));
        l.setBackgroundColor(SHADE);
        l.setPadding(4);
        table.addCell(l);
        PdfPCell v = new PdfPCell(PdfFonts.phrase(value, BODY, false));
        v.setPadding(4);
        table.addCell(v);
    }

    private static void header(PdfPTable table, String... labels) {
        for (String label : labels) {
            PdfPCell c = new PdfPCell(PdfFonts.phrase(label, BODY, true));
            c.setBackgroundColor(SHADE);
            c.setPadding(4);
            table.addCell(c);
        }
    }

    private static void cell(PdfPTable table, String text) {
        PdfPCell c = new PdfPCell(new Phrase(PdfFonts.phrase(text, BODY, false)));
        c.setPadding(3);
        c.setVerticalAlignment(Element.ALIGN_TOP);
        table.addCell(c);
    }
}
