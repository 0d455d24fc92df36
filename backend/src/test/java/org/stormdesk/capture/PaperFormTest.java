package org.stormdesk.capture;

import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PRTokeniser;
import org.openpdf.text.pdf.PdfArray;
import org.openpdf.text.pdf.PdfContentParser;
import org.openpdf.text.pdf.PdfDictionary;
import org.openpdf.text.pdf.PdfName;
import org.openpdf.text.pdf.PdfObject;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.PdfString;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.stormdesk.app.Messages;
import org.stormdesk.capture.internal.PaperForm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paper capture form (S2.5, total blackout) in the three languages, made with nothing but the JDK. The Chinese
 * forms use Adobe's standard CJK fonts, which OpenPDF names without embedding (viewers supply them): the test checks
 * the font and its CMap, that each font has a ToUnicode map, and reads the text back out of the page. OpenPDF's own
 * text extractor decodes two-byte codes only for Identity-H fonts, so the strings drawn in the CJK font are read here
 * from the content stream and decoded as UCS-2, which is what the UniGB-UCS2-H and UniCNS-UCS2-H CMaps define.
 */
class PaperFormTest {

    final PaperForm form = new PaperForm(new Messages());

    /** Font resource name → "BaseFont Encoding ToUnicode?" of page 1. */
    static Map<String, String> fonts(PdfReader reader) {
        PdfDictionary fonts = reader.getPageN(1).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.FONT);
        Map<String, String> names = new HashMap<>();
        for (PdfName key : fonts.getKeys()) {
            PdfDictionary font = fonts.getAsDict(key);
            names.put(key.toString(), font.getAsName(PdfName.BASEFONT) + " " + font.getAsName(PdfName.ENCODING)
                    + (font.get(PdfName.TOUNICODE) != null ? " ToUnicode" : ""));
        }
        return names;
    }

    /** The text page 1 draws, strings in a two-byte CJK font decoded as UCS-2. */
    static String drawnText(PdfReader reader) throws Exception {
        Map<String, String> fonts = fonts(reader);
        PdfContentParser parser = new PdfContentParser(new PRTokeniser(reader.getPageContent(1)));
        StringBuilder out = new StringBuilder();
        String font = "";
        List<PdfObject> operands = new ArrayList<>();
        while (!(operands = parser.parse(operands)).isEmpty()) {
            String op = operands.getLast().toString();
            boolean cjk = fonts.getOrDefault(font, "").contains("UCS2");
            switch (op) {
                case "Tf" -> font = operands.getFirst().toString();
                case "Tj", "'" -> out.append(decode((PdfString) operands.getFirst(), cjk));
                case "TJ" -> {
                    for (PdfObject o : ((PdfArray) operands.getFirst()).getElements()) {
                        if (o instanceof PdfString s) {
                            out.append(decode(s, cjk));
                        }
                    }
                }
                case "ET" -> out.append('\n');
                default -> { }
            }
        }
        return out.toString();
    }

    static String decode(PdfString s, boolean cjk) {
        return new String(s.getBytes(), cjk ? StandardCharsets.UTF_16BE : StandardCharsets.ISO_8859_1);
    }

    PdfReader render(Locale locale) throws Exception {
        PdfReader reader = new PdfReader(form.render(locale));
        assertThat(reader.getNumberOfPages()).isEqualTo(2);
        return reader;
    }

    @Test
    void simplifiedChineseIsDrawnInSTSongWithItsCMap() throws Exception {
        PdfReader reader = render(Messages.ZH_CN);
        assertThat(fonts(reader).values()).anySatisfy(f -> assertThat(f).isEqualTo("/STSong-Light-UniGB-UCS2-H /UniGB-UCS2-H ToUnicode"));
        assertThat(drawnText(reader)).contains("客户信息手工登记表").contains("电话").contains("已承诺回电").contains("账单费用")
                .contains("客户 1").contains("13800138000");
    }

    @Test
    void traditionalChineseIsDrawnInMSungWithItsCMap() throws Exception {
        PdfReader reader = render(Messages.ZH_TW);
        assertThat(fonts(reader).values()).anySatisfy(f -> assertThat(f).isEqualTo("/MSung-Light-UniCNS-UCS2-H /UniCNS-UCS2-H ToUnicode"));
        assertThat(drawnText(reader)).contains("客戶資料手動登記表").contains("電話").contains("帳單費用");
    }

    @Test
    void englishReadsBackWithTheTextExtractor() throws Exception {
        String text = new PdfTextExtractor(render(Messages.EN)).getTextFromPage(1);
        assertThat(text).contains("Customer capture form").contains("Customer 1").contains("Call back by").contains("billing");
    }
}
