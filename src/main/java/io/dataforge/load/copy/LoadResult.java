package io.dataforge.load.copy;

/**
 * How a load attempt ended. {@code createdRows} is what COPY reported; {@code error} is
 * set when it failed.
 */
record LoadResult(Outcome outcome, LoadCounts counts, long createdRows, String error) {

    enum Outcome {

        COMPLETED, FAILED, ALREADY_FINISHED

    }

    static LoadResult alreadyFinished() {
        return new LoadResult(Outcome.ALREADY_FINISHED, new LoadCounts(0, 0, 0), 0, null);
    }
}
