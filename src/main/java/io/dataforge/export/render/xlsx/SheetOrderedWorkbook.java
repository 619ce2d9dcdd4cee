package io.dataforge.export.render.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Collections;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.poi.openxml4j.util.ZipEntrySource;
import org.apache.poi.xssf.streaming.DeferredSXSSFWorkbook;

/**
 * POI's deferred streaming workbook, writing its worksheets in workbook order.
 * <p>
 * {@code writeAvoidingTempFiles} reads the workbook template into a {@code HashMap}, so
 * its entries, and with them the sheets' row generators, come in hash order ("data (3)"
 * before "data"). The rows come from one cursor and must fill the sheets in order, so the
 * entries are sorted before the data is injected: the other parts first
 * ({@code [Content_Types].xml} leading), then the worksheets by number, which is their
 * creation order.
 */
final class SheetOrderedWorkbook extends DeferredSXSSFWorkbook {

    SheetOrderedWorkbook(int rowAccessWindowSize) {
        super(rowAccessWindowSize);
    }

    @Override
    protected void injectData(ZipEntrySource source, OutputStream out) throws IOException {
        super.injectData(new SortedEntries(source), out);
    }

    private static final class SortedEntries implements ZipEntrySource {

        private static final Pattern WORKSHEET = Pattern.compile("xl/worksheets/sheet(\\d+)\\.xml",
                Pattern.CASE_INSENSITIVE);

        private static final Comparator<ZipArchiveEntry> ORDER = Comparator
            .comparingLong((ZipArchiveEntry entry) -> worksheetNumber(entry.getName()))
            .thenComparing(ZipArchiveEntry::getName);

        private final ZipEntrySource source;

        SortedEntries(ZipEntrySource source) {
            this.source = source;
        }

        @Override
        public Enumeration<? extends ZipArchiveEntry> getEntries() {
            List<ZipArchiveEntry> entries = Collections.list(source.getEntries())
                .stream()
                .map(ZipArchiveEntry.class::cast)
                .sorted(ORDER)
                .toList();
            return Collections.enumeration(entries);
        }

        private static long worksheetNumber(String name) {
            Matcher matcher = WORKSHEET.matcher(name);
            return matcher.matches() ? Long.parseLong(matcher.group(1)) : -1;
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

    }

}
