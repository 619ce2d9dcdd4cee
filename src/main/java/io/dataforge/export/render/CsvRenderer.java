package io.dataforge.export.render;

import java.io.BufferedWriter;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV in UTF-8: a header record, CRLF line ends, fields quoted only when they
 * must be.
 */
final class CsvRenderer implements Renderer {

    private static final int BUFFER = 64 * 1024;

    @Override
    public long render(List<String> columns, RowSource rows, OutputStream out) throws Exception {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader(columns.toArray(String[]::new)).get();
        // not closed: closing the printer would close the caller's stream
        CSVPrinter printer = new CSVPrinter(
                new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER), format);
        long count = 0;
        Object[] row;
        while ((row = Rows.next(rows, columns.size())) != null) {
            for (Object value : row) {
                printer.print(CellText.of(value));
            }
            printer.println();
            count++;
        }
        printer.flush();
        return count;
    }

}
