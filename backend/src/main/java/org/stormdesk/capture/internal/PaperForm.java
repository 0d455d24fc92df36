package org.stormdesk.capture.internal;

import jakarta.inject.Singleton;
import org.openpdf.text.Chunk;
import org.openpdf.text.Document;
import org.openpdf.text.DocumentException;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Paragraph;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfIndirectReference;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfStamper;
import org.openpdf.text.pdf.PdfStream;
import org.openpdf.text.pdf.PdfWriter;
import org.stormdesk.app.Messages;
import org.stormdesk.capture.CaptureRules;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The printable paper capture form for a total blackout (S2.5), in the reader's language: numbered boxes, one per
 * customer, with the same fields as the capture screen, to be typed in afterwards on the bulk-entry screen.
 * <p>
 * Chinese needs no font file on the server: OpenPDF carries the cmaps of Adobe's standard CJK fonts, STSong-Light
 * (Simplified, UniGB-UCS2-H) and MSung-Light (Traditional, UniCNS-UCS2-H). The PDF names the font without
 * embedding it, as the PDF specification allows for these fonts; viewers supply one (Acrobat's Asian font pack,
 * the CJK fonts PDFium, pdf.js and poppler map them to). A JDK alone is enough to make it. OpenPDF writes no ToUnicode
 * map for these fonts; {@link #withToUnicode} adds one, so the text can be extracted (and is, in the tests).
 */
@Singleton
public class PaperForm {

    static final int BOXES_PER_PAGE = 3;
    static final int PAGES = 2;

    private final Messages messages;

    public PaperForm(Messages messages) {
        this.messages = messages;
    }

    /** The base font for a language. */
    static BaseFont font(Locale locale) throws IOException {
        if (Messages.ZH_TW.equals(locale)) {
            return BaseFont.createFont("MSung-Light", "UniCNS-UCS2-H", BaseFont.NOT_EMBEDDED);
        }
        if (Messages.ZH_CN.equals(locale)) {
            return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        }
        return BaseFont.createFont(BaseFont.HELVETICA, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
    }

    public byte[] render(Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            BaseFont base = font(locale);
            Font title = new Font(base, 16, Font.BOLD);
            Font text = new Font(base, 10);
            Font small = new Font(base, 8, Font.NORMAL, new Color(75, 85, 99));
            Font label = new Font(base, 9, Font.BOLD);
            Document document = new Document(PageSize.A4, 36, 36, 30, 30);
            PdfWriter.getInstance(document, out);
            document.addTitle(messages.get(locale, "capture.paper.title"));
            document.addCreator("Stormdesk");
            document.open();
            for (int page = 0; page < PAGES; page++) {
                if (page > 0) {
                    document.newPage();
                }
                Paragraph head = new Paragraph(messages.get(locale, "capture.paper.title"), title);
                head.setAlignment(Element.ALIGN_CENTER);
                document.add(head);
                document.add(new Paragraph(messages.get(locale, "capture.paper.instructions"), small));
                document.add(new Paragraph(messages.get(locale, "capture.paper.header"), text));
                document.add(Chunk.NEWLINE);
                for (int box = 0; box < BOXES_PER_PAGE; box++) {
                    document.add(box(locale, page * BOXES_PER_PAGE + box + 1, text, label, small));
                }
                document.add(new Paragraph(messages.get(locale, "capture.paper.footer"), small));
            }
            document.close();
            return Messages.EN.equals(locale) ? out.toByteArray() : withToUnicode(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("The paper form could not be laid out", e);
        }
    }

    /**
     * Adds to each CJK font a ToUnicode map, which OpenPDF does not write for the standard CJK fonts: with the UCS-2
     * CMaps (UniGB-UCS2-H, UniCNS-UCS2-H) a character's code is its Unicode value, so the map is the identity. Text
     * can then be searched, copied and read aloud, and extracted to check what the form says.
     */
    static byte[] withToUnicode(byte[] pdf) throws IOException, DocumentException {
        PdfReader reader = new PdfReader(pdf);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfStamper stamper = new PdfStamper(reader, out);
        PdfIndirectReference map = null;
        for (int i = 1; i < reader.getXrefSize(); i++) {
            if (reader.getPdfObject(i) instanceof PdfDictionary font && PdfName.FONT.equals(font.getAsName(PdfName.TYPE))
                    && PdfName.TYPE0.equals(font.getAsName(PdfName.SUBTYPE)) && font.get(PdfName.TOUNICODE) == null) {
                if (map == null) {
                    PdfStream stream = new PdfStream(IDENTITY_UCS2.getBytes(StandardCharsets.US_ASCII));
                    stream.flateCompress();
                    map = stamper.getWriter().addToBody(stream).getIndirectReference();
                }
                font.put(PdfName.TOUNICODE, map);
            }
        }
        stamper.close();
        reader.close();
        return out.toByteArray();
    }

    /** A ToUnicode CMap mapping every two-byte code to the same UTF-16 value. */
    static final String IDENTITY_UCS2 = identityUcs2();

    private static String identityUcs2() {
        StringBuilder b = new StringBuilder("""
                /CIDInit /ProcSet findresource begin
                12 dict begin
                begincmap
                /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
                /CMapName /Stormdesk-UCS2-Identity def
                /CMapType 2 def
                1 begincodespacerange
                <0000> <FFFF>
                endcodespacerange
                """);
        // bfrange entries may only vary in their last byte: one per high byte, 100 at most per block
        for (int block = 0; block < 256; block += 100) {
            int n = Math.min(100, 256 - block);
            b.append(n).append(" beginbfrange\n");
            for (int high = block; high < block + n; high++) {
                b.append("<%02X00> <%02XFF> <%02X00>%n".formatted(high, high, high));
            }
            b.append("endbfrange\n");
        }
        b.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
        return b.toString();
    }

    private PdfPTable box(Locale locale, int number, Font text, Font label, Font small) {
        PdfPTable table = new PdfPTable(new float[]{1.2f, 3f, 1.2f, 3f});
        table.setWidthPercentage(100);
        table.setSpacingAfter(8);
        PdfPCell no = cell(messages.get(locale, "capture.paper.box", number), label, 4);
        no.setBackgroundColor(new Color(238, 244, 255));
        table.addCell(no);
        table.addCell(cell(messages.get(locale, "capture.paper.name"), label, 1));
        table.addCell(blank(1, 20));
        table.addCell(cell(messages.get(locale, "capture.paper.phone"), label, 1));
        table.addCell(blank(1, 20));
        table.addCell(cell(messages.get(locale, "capture.paper.account"), label, 1));
        table.addCell(blank(3, 20));
        // a box to tick: U+25A1 is in both Chinese character sets, not in Helvetica's
        String tick = Messages.EN.equals(locale) ? "[  ] " : "\u25A1 ";
        StringBuilder categories = new StringBuilder();
        for (String c : CaptureRules.CATEGORIES) {
            categories.append(tick).append(messages.get(locale, "capture.category." + c)).append("   ");
        }
        table.addCell(cell(messages.get(locale, "capture.paper.category"), label, 1));
        table.addCell(cell(categories.toString().strip(), text, 3));
        table.addCell(cell(messages.get(locale, "capture.paper.matter"), label, 1));
        table.addCell(blank(3, 48));
        table.addCell(cell(messages.get(locale, "capture.paper.callback"), label, 1));
        table.addCell(cell(tick + messages.get(locale, "capture.paper.yes") + "    " + tick
                + messages.get(locale, "capture.paper.no"), text, 1));
        table.addCell(cell(messages.get(locale, "capture.paper.due"), label, 1));
        table.addCell(blank(1, 20));
        PdfPCell hint = cell(messages.get(locale, "capture.paper.phoneHint"), small, 4);
        hint.setBorder(PdfPCell.NO_BORDER);
        table.addCell(hint);
        return table;
    }

    private static PdfPCell cell(String s, Font font, int span) {
        PdfPCell cell = new PdfPCell(new Phrase(s, font));
        cell.setColspan(span);
        cell.setPadding(4);
        cell.setMinimumHeight(18);
        return cell;
    }

    private static PdfPCell blank(int span, float height) {
        PdfPCell cell = new PdfPCell(new Phrase(" "));
        cell.setColspan(span);
        cell.setMinimumHeight(height);
        return cell;
    }
}
