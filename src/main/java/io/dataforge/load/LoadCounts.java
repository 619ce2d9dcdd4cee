package io.dataforge.load;

/** How far a load is: rows read (good and bad), bad rows, and staged bytes read. */
record LoadCounts(long rows, long badRows, long bytesRead) {

    long goodRows() {
        return rows - badRows;
    }
}
