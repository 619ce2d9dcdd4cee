package io.dataforge.export.render;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.export.pack.Compression;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Reads rendered exports back the way their users' tools would. */
public final class ExportFiles {

    static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private ExportFiles() {
    }

    static byte[] render(ExportFormat format, RenderOptions options, List<Object[]> rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Renderers.of(format, options).render(SampleRows.COLUMNS, SampleRows.of(rows), out);
        return out.toByteArray();
    }

    public static byte[] uncompress(Compression compression, byte[] bytes, String expectedEntry) throws Exception {
        return switch (compression) {
            case NONE -> bytes;
            case GZIP -> new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes();
            case ZIP -> {
                try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
                    ZipEntry entry = zip.getNextEntry();
                    if (entry == null || !entry.getName().equals(expectedEntry)) {
                        throw new AssertionError("zip entry " + entry + ", expected " + expectedEntry);
                    }
                    byte[] content = zip.readAllBytes();
                    if (zip.getNextEntry() != null) {
                        throw new AssertionError("more than one zip entry");
                    }
                    yield content;
                }
            }
        };
    }

    static List<CSVRecord> csv(byte[] bytes) throws Exception {
        return CSVFormat.RFC4180.parse(new StringReader(new String(bytes, StandardCharsets.UTF_8))).getRecords();
    }

    static List<JsonNode> ndjson(byte[] bytes) throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : new String(bytes, StandardCharsets.UTF_8).split("\n")) {
            if (!line.isEmpty()) {
                lines.add(JSON.readTree(line));
            }
        }
        return lines;
    }

    static XSSFWorkbook xlsx(byte[] bytes) throws Exception {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes));
    }

    /** The text of each page. */
    public static List<String> pdfPages(byte[] bytes) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            PDFTextStripper stripper = new PDFTextStripper();
            List<String> pages = new ArrayList<>();
            for (int page = 1; page <= pdf.getNumberOfPages(); page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                pages.add(stripper.getText(pdf));
            }
            return pages;
        }
    }

    static List<List<String>> table(ExportFormat format, byte[] bytes) throws Exception {
        return table(format, SampleRows.COLUMNS, bytes);
    }

    /**
     * Header and rows as text, for the tabular formats: how a reader of each sees the
     * values.
     */
    public static List<List<String>> table(ExportFormat format, List<String> columns, byte[] bytes) throws Exception {
        List<List<String>> table = new ArrayList<>();
        switch (format) {
            case CSV -> csv(bytes).forEach(record -> table.add(record.toList()));
            case JSON, NDJSON -> {
                List<JsonNode> objects = new ArrayList<>();
                if (format == ExportFormat.JSON) {
                    JSON.readTree(bytes).forEach(objects::add);
                }
                else {
                    objects.addAll(ndjson(bytes));
                }
                table.add(columns);
                for (JsonNode object : objects) {
                    List<String> row = new ArrayList<>();
                    object.fields().forEachRemaining(field -> row.add(text(field.getValue())));
                    table.add(row);
                }
            }
            case XLSX -> {
                try (XSSFWorkbook workbook = xlsx(bytes)) {
                    Sheet sheet = workbook.getSheetAt(0);
                    for (Row row : sheet) {
                        List<String> cells = new ArrayList<>();
                        for (int c = 0; c < columns.size(); c++) {
                            cells.add(text(row.getCell(c)));
                        }
                        table.add(cells);
                    }
                }
            }
            default -> throw new IllegalArgumentException(format + " is not tabular");
        }
        return table;
    }

    private static String text(JsonNode value) {
        return value.isNull() ? "" : value.isValueNode() ? value.asText() : value.toString();
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        return switch (cell.getCellType()) {
            case NUMERIC -> BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case STRING -> cell.getStringCellValue();
            default -> "";
        };
    }

}
