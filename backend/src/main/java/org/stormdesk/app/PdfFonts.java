package org.stormdesk.app;

import org.openpdf.text.DocumentException;
import org.openpdf.text.Font;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.FontSelector;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Fonts for PDFs that must read in Chinese on a machine with nothing but a JDK: Droid Sans Fallback travels inside
 * the jar ({@code fonts/}, Apache License 2.0) and is embedded as a subset of the glyphs a document uses; Latin text
 * stays in Helvetica. Use {@link #phrase} for any text a person wrote or a message in the reader's language.
 */
public final class PdfFonts {

    public static final String CJK_RESOURCE = "/fonts/DroidSansFallbackFull.ttf";

    private static volatile BaseFont cjk;

    private PdfFonts() {
    }

    /** The bundled CJK font (Simplified and Traditional Chinese), read once. */
    public static BaseFont cjk() {
        BaseFont font = cjk;
        if (font == null) {
            synchronized (PdfFonts.class) {
                if (cjk == null) {
                    try (InputStream in = PdfFonts.class.getResourceAsStream(CJK_RESOURCE)) {
                        if (in == null) {
                            throw new IllegalStateException("The CJK font is missing from the jar: " + CJK_RESOURCE);
                        }
                        cjk = BaseFont.createFont("DroidSansFallbackFull.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED,
                                true, in.readAllBytes(), null);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    } catch (DocumentException e) {
                        throw new IllegalStateException(e);
                    }
                }
                font = cjk;
            }
        }
        return font;
    }

    /** Text set in Helvetica where it can be and in the CJK font elsewhere. */
    public static Phrase phrase(String text, float size, boolean bold) {
        FontSelector selector = new FontSelector();
        selector.addFont(new Font(Font.HELVETICA, size, bold ? Font.BOLD : Font.NORMAL));
        selector.addFont(new Font(cjk(), size, bold ? Font.BOLD : Font.NORMAL));
        return selector.process(text == null ? "" : text);
    }
}
