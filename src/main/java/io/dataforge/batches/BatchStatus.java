package io.dataforge.batches;

/** A batch's life: open while IN_PROGRESS; every other state is final. */
public enum BatchStatus {

    IN_PROGRESS, COMPLETED, COMPLETED_WITH_WARNINGS, FAILED, CANCELLED, NOT_COMPLETED

}
