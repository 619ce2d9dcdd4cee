package io.dataforge.export;

/** Where a job is; the names are those the API shows. */
enum ExportState {

    Pending, Running, Succeeded, Failed, Canceled;

    boolean finished() {
        return this == Succeeded || this == Failed || this == Canceled;
    }

}
