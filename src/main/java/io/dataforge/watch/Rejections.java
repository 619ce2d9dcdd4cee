package io.dataforge.watch;

/** Finds the rejection behind an exception that had to travel as an unchecked or I/O exception. */
final class Rejections {

    private Rejections() {
    }

    static RejectedFileException find(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RejectedFileException rejected) {
                return rejected;
            }
        }
        return null;
    }
}
