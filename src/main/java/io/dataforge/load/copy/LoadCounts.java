package io.dataforge.load.copy;

/** How far a load is: rows read (good and bad), bad rows, and staged bytes read. */
public record LoadCounts(long rows, long badRows, long bytesRead) {

    long goodRows() {
        return rows - badRows;
    }
}
