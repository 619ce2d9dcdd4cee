package io.dataforge.datasets;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Dataset and column names: lower-case letters, digits and underscores, starting with a
 * letter, at most 63 characters (PostgreSQL's limit), so a checked name quoted is always
 * a safe SQL identifier.
 */
public final class Identifiers {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    /** Columns every dataset table has; a declaration may not use them. */
    public static final Set<String> RESERVED_COLUMNS = Set.of("row_id", "tenant_id", "upload_id");

    private Identifiers() {
    }

    public static boolean isValid(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    /** The name in double quotes; only for names that passed {@link #isValid}. */
    public static String quote(String name) {
        if (!isValid(name)) {
            throw new IllegalArgumentException("not a valid identifier: " + name);
        }
        return '"' + name + '"';
    }

}
