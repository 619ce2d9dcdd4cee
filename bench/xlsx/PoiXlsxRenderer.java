import io.dataforge.export.render.CellText;
import io.dataforge.export.render.Renderer;
import io.dataforge.export.render.RowSource;
import io.dataforge.export.render.Rows;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.io.output.ProxyOutputStream;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.DeferredSXSSFSheet;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;
import org.apache.poi.xssf.streaming.SXSSFSheet;

/**
 * The XLSX renderer as it was before fastexcel (POI's DeferredSXSSFWorkbook, commit 6143a4c), kept here only to
 * measure against: sheets declared up front from the row count, each filled by a row generator while POI writes it,
 * written without temp files, in workbook order.
 */
final class PoiXlsxRenderer implements Renderer {

    private static final int WINDOW = 100;

    private static final int EXCEL_DIGITS = 15;

    private static final int MAX_TEXT = 32_767;

    private final int rowsPerSheet;

    private final long expectedRows;

    PoiXlsxRenderer(int rowsPerSheet, long expectedRows) {
        this.rowsPerSheet = rowsPerSheet;
        this.expectedRows = expectedRows;
    }

    @Override
    public long render(List<String> columns, RowSource rows, OutputStream out) throws Exception {
        int sheets = expectedRows <= 0 ? 1 : (int) ((expectedRows + rowsPerSheet - 1) / rowsPerSheet);
        long[] count = { 0 };
        boolean[] exhausted = { false };
        try (SheetOrderedWorkbook workbook = new SheetOrderedWorkbook(WINDOW)) {
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle header = workbook.createCellStyle();
            header.setFont(bold);
            for (int i = 0; i < sheets; i++) {
                DeferredSXSSFSheet sheet = workbook.createSheet(i == 0 ? "data" : "data (" + (i + 1) + ")");
                for (int c = 0; c < columns.size(); c++) {
                    sheet.setColumnWidth(c, 256 * Math.max(10, Math.min(50, columns.get(c).length() + 2)));
                }
                sheet.createFreezePane(0, 1);
                sheet.setRowGenerator(s -> fill(s, header, columns, rows, count, exhausted));
            }
            workbook.writeAvoidingTempFiles(new ProxyOutputStream(out) {
                @Override
                public void close() {
                }
            });
        }
        out.flush();
        return count[0];
    }

    private void fill(SXSSFSheet sheet, CellStyle headerStyle, List<String> columns, RowSource rows, long[] count,
            boolean[] exhausted) throws Exception {
        Row header = sheet.createRow(0);
        for (int c = 0; c < columns.size(); c++) {
            Cell cell = header.createCell(c);
            cell.setCellValue(columns.get(c));
            cell.setCellStyle(headerStyle);
        }
        for (int r = 1; r <= rowsPerSheet && !exhausted[0]; r++) {
            Object[] row = Rows.next(rows, columns.size());
            if (row == null) {
                exhausted[0] = true;
            }
            else {
                write(sheet.createRow(r), row);
                count[0]++;
            }
        }
    }

    private static void write(Row row, Object[] values) {
        for (int i = 0; i < values.length; i++) {
            Object value = values[i];
            if (value == null) {
                continue;
            }
            if (value instanceof Boolean bool) {
                row.createCell(i).setCellValue(bool);
            }
            else if (value instanceof Number number && exactInExcel(number)) {
                row.createCell(i).setCellValue(number.doubleValue());
            }
            else {
                String text = CellText.of(value);
                row.createCell(i).setCellValue(text.length() <= MAX_TEXT ? text : text.substring(0, MAX_TEXT));
            }
        }
    }

    private static boolean exactInExcel(Number number) {
        if (number instanceof Double || number instanceof Float) {
            return Double.isFinite(number.doubleValue());
        }
        BigDecimal decimal = number instanceof BigDecimal d ? d
                : number instanceof BigInteger i ? new BigDecimal(i) : BigDecimal.valueOf(number.longValue());
        double asDouble = decimal.doubleValue();
        return Double.isFinite(asDouble) && (asDouble != 0 || decimal.signum() == 0)
                && decimal.stripTrailingZeros().precision() <= EXCEL_DIGITS;
    }

    /** POI's deferred workbook writes its sheets in hash order unless its zip entries are sorted. */
    private static final class SheetOrderedWorkbook extends DeferredSXSSFWorkbook {

        private static final Pattern WORKSHEET = Pattern.compile("xl/worksheets/sheet(\\d+)\\.xml",
                Pattern.CASE_INSENSITIVE);

        SheetOrderedWorkbook(int window) {
            super(window);
        }

        @Override
        protected void injectData(ZipEntrySource source, OutputStream out) throws IOException {
            Comparator<ZipArchiveEntry> order = Comparator
                .comparingLong((ZipArchiveEntry entry) -> worksheetNumber(entry.getName()))
                .thenComparing(ZipArchiveEntry::getName);
            List<ZipArchiveEntry> entries = Collections.list(source.getEntries())
                .stream()
                .map(ZipArchiveEntry.class::cast)
                .sorted(order)
                .toList();
            super.injectData(new ZipEntrySource() {
                @Override
                public Enumeration<? extends ZipArchiveEntry> getEntries() {
                    return Collections.enumeration(entries);
                }

                @Override
                public ZipArchiveEntry getEntry(String path) {
                    return source.getEntry(path);
                }

                @Override
                public InputStream getInputStream(ZipArchiveEntry entry) throws IOException {
                    return source.getInputStream(entry);
                }

                @Override
                public void close() throws IOException {
                    source.close();
                }

                @Override
                public boolean isClosed() {
                    return source.isClosed();
                }
            }, out);
        }

        private static long worksheetNumber(String name) {
            Matcher matcher = WORKSHEET.matcher(name);
            return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
        }

    }

}
