package io.dataforge.datasets;

import java.util.Locale;

/**
 * What erasing a data subject does to a dataset's rows: delete them, or blank their pii
 * columns (set them to NULL) and keep the rest, e.g. the amounts that bookkeeping needs.
 */
public enum Erasure {

    DELETE, BLANK;

    /** As a declaration writes it: "delete", "blank". */
    public String declared() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Erasure named(String name) {
        for (Erasure erasure : values()) {
            if (erasure.declared().equals(name)) {
                return erasure;
            }
        }
        throw new IllegalArgumentException("must be delete or blank");
    }

}
