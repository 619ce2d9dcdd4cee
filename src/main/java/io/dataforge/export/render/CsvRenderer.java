package io.dataforge.export.render;

import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
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
        // commons-csv appends char by char: into a StringBuilder that costs nothing,
        // where a
        // BufferedWriter took its lock for every character (half the render thread's
        // time);
        // the text then goes to the encoder a chunk at a time. Nothing is closed: that
        // would close the caller's stream.
        StringBuilder pending = new StringBuilder(BUFFER + 1024);
        Writer utf8 = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        CSVPrinter printer = new CSVPrinter(pending, format);
        long count = 0;
        Object[] row;
        while ((row = Rows.next(rows, columns.size())) != null) {
            for (Object value : row) {
                printer.print(CellText.of(value));
            }
            printer.println();
            count++;
            if (pending.length() >= BUFFER) {
                utf8.append(pending);
                pending.setLength(0);
            }
        }
        utf8.append(pending);
        utf8.flush();
        return count;
    }

}
