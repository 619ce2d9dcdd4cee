package io.dataforge.load.copy;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.dataforge.load.LoadProperties;

/**
 * The bad rows of one load: counted, recorded (up to a cap) in batches on their own
 * connection, and checked against the threshold: more than {@code maxBadRows}, or more
 * than {@code maxPercent} of the rows counted at upload (of all rows read, when they were
 * not counted), fails the load.
 */
final class BadRows {

    private static final int BATCH = 500;

    private final UUID uploadId;

    private final RowErrorRepository repository;

    private final long maxBadRows;

    private final double maxPercent;

    private final long expectedRows;

    private final int maxRecorded;

    private final List<RowError> pending = new ArrayList<>();

    private long count;

    private long recorded;

    BadRows(UUID uploadId, RowErrorRepository repository, LoadProperties props, long expectedRows) {
        this.uploadId = uploadId;
        this.repository = repository;
        this.maxBadRows = props.maxBadRows();
        this.maxPercent = props.maxBadRowsPercent();
        this.expectedRows = expectedRows;
        this.maxRecorded = props.maxRecordedErrors();
    }

    void add(long rowNumber, String column, String reason, List<String> fields) throws LoadRejectedException {
        count++;
        if (recorded < maxRecorded) {
            recorded++;
            pending.add(new RowError(rowNumber, column, reason, excerpt(fields)));
            if (pending.size() >= BATCH) {
                flush();
            }
        }
        if (count > maxBadRows) {
            throw new LoadRejectedException(count + " bad rows: more than the " + maxBadRows + " allowed");
        }
        if (expectedRows > 0) {
            checkShare(expectedRows);
        }
    }

    /**
     * At the end, for files whose rows were not counted beforehand (batch files): the
     * share of all rows read.
     */
    void checkAtEnd(long rows) throws LoadRejectedException {
        checkShare(Math.max(expectedRows, rows));
    }

    private void checkShare(long rows) throws LoadRejectedException {
        if (count > maxPercent / 100 * Math.max(rows, 1)) {
            throw new LoadRejectedException(
                    count + " bad rows: more than " + maxPercent + " % of the " + rows + " rows");
        }
    }

    long count() {
        return count;
    }

    void flush() {
        repository.insert(uploadId, pending);
        pending.clear();
    }

    private static String excerpt(List<String> fields) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < fields.size() && line.length() <= RowError.EXCERPT_CHARS; i++) {
            if (i > 0) {
                line.append(',');
            }
            String field = fields.get(i);
            line.append(field == null ? "" : field.replace('\n', ' ').replace('\r', ' '));
        }
        return line.length() <= RowError.EXCERPT_CHARS ? line.toString()
                : line.substring(0, RowError.EXCERPT_CHARS - 3) + "...";
    }

}
