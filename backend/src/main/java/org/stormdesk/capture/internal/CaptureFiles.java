package org.stormdesk.capture.internal;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.stormdesk.capture.CapturedRecord;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Outstanding records out (CSV with a BOM for Excel, or .xlsx) for the CRM team, and their CRM references back in
 * (the same file with {@code crm_reference} or {@code reject_reason} filled in, as CSV or .xlsx).
 */
public final class CaptureFiles {

    /** The columns of an export; an import needs {@code record_id} and one of the last two. */
    public static final List<String> COLUMNS = List.of("record_id", "incident_id", "captured_at", "captured_by", "source",
            "paper_form_no", "name", "phone", "account_id", "category", "matter", "callback_promised", "callback_due_at",
            "crm_reference", "reject_reason");

    private CaptureFiles() {
    }

    /** One row read back: its number in the file (the header is row 1), and its cells by column name. */
    public record ImportLine(int row, Map<String, String> cells) {
        public String cell(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.strip();
        }
    }

    private static List<String> values(CapturedRecord r) {
        List<String> v = new ArrayList<>();
        v.add(r.id().toString());
        v.add(r.incidentId() == null ? "" : r.incidentId().toString());
        v.add(r.capturedAt().toString());
        v.add(r.capturedBy());
        v.add(r.source());
        v.add(r.paperFormNo() == null ? "" : r.paperFormNo());
        v.add(r.name());
        v.add(r.phone());
        v.add(r.accountId() == null ? "" : r.accountId());
        v.add(r.category());
        v.add(r.matter());
        v.add(Boolean.toString(r.callbackPromised()));
        v.add(r.callbackDueAt() == null ? "" : r.callbackDueAt().toString());
        v.add("");
        v.add("");
        return v;
    }

    public static byte[] csv(List<CapturedRecord> records) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (CapturedRecord r : records) {
                printer.printRecord(values(r));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(List<CapturedRecord> records) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            Workbook workbook = new Workbook(out, "Stormdesk", "1.0");
            Worksheet sheet = workbook.newWorksheet("outstanding");
            for (int c = 0; c < COLUMNS.size(); c++) {
                sheet.value(0, c, COLUMNS.get(c));
                sheet.style(0, c).bold().set();
            }
            int row = 1;
            for (CapturedRecord r : records) {
                List<String> v = values(r);
                for (int c = 0; c < v.size(); c++) {
                    sheet.value(row, c, v.get(c));
                }
                row++;
            }
            workbook.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Whether the bytes are an .xlsx (a zip) rather than text. */
    public static boolean isXlsx(byte[] body) {
        return body.length > 3 && body[0] == 'P' && body[1] == 'K' && body[2] == 3 && body[3] == 4;
    }

    /** The rows of an import file (CSV or .xlsx), the header naming the columns. */
    public static List<ImportLine> read(byte[] body) throws IOException {
        return isXlsx(body) ? readXlsx(body) : readCsv(new String(body, StandardCharsets.UTF_8));
    }

    static List<ImportLine> readCsv(String text) throws IOException {
        String clean = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<ImportLine> lines = new ArrayList<>();
        try (CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get().parse(new StringReader(clean))) {
            Map<String, Integer> header = new HashMap<>();
            parser.getHeaderMap().forEach((k, v) -> header.put(k.strip().toLowerCase(Locale.ROOT), v));
            for (CSVRecord record : parser) {
                Map<String, String> cells = new HashMap<>();
                header.forEach((name, index) -> cells.put(name, index < record.size() ? record.get(index) : ""));
                lines.add(new ImportLine((int) record.getRecordNumber() + 1, cells));
            }
        }
        return lines;
    }

    static List<ImportLine> readXlsx(byte[] body) throws IOException {
        List<ImportLine> lines = new ArrayList<>();
        try (InputStream in = new ByteArrayInputStream(body); ReadableWorkbook workbook = new ReadableWorkbook(in);
             Stream<Row> rows = workbook.getFirstSheet().openStream()) {
            List<String> header = new ArrayList<>();
            for (Row row : (Iterable<Row>) rows::iterator) {
                if (header.isEmpty()) {
                    for (int c = 0; c < row.getCellCount(); c++) {
                        header.add(row.getCellText(c).strip().toLowerCase(Locale.ROOT));
                    }
                    continue;
                }
                Map<String, String> cells = new HashMap<>();
                for (int c = 0; c < header.size(); c++) {
                    cells.put(header.get(c), c < row.getCellCount() ? row.getCellText(c) : "");
                }
                if (cells.values().stream().allMatch(String::isBlank)) {
                    continue;
                }
                lines.add(new ImportLine(row.getRowNum(), cells));
            }
        }
        return lines;
    }
}
