package io.dataforge.datasets;

import static io.dataforge.datasets.DeclarationFields.bad;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

/** One entry of a declaration's columns: {@code {name, type, required, pii}}. */
final class ColumnDeclaration {

    private static final Set<String> FIELDS = Set.of("name", "type", "required", "pii");

    private static final Pattern NUMERIC = Pattern.compile("numeric\\s*\\(\\s*(\\d{1,9})\\s*,\\s*(\\d{1,9})\\s*\\)");

    /** PostgreSQL's own limit on numeric precision. */
    static final int MAX_PRECISION = 1000;

    private ColumnDeclaration() {
    }

    static DatasetColumn read(JsonNode node, String where) {
        if (!node.isObject()) {
            throw bad(where + " must be an object {name, type, required, pii}");
        }
        DeclarationFields.only(node, FIELDS, where + ".");
        String name = DeclarationFields.text(node, "name", where + ".");
        DeclarationRules.checkColumnName(name, where);
        boolean required = DeclarationFields.flag(node, "required", where + ".");
        boolean pii = DeclarationFields.flag(node, "pii", where + ".");
        String type = DeclarationFields.text(node, "type", where + ".").strip().toLowerCase(Locale.ROOT);
        if (type.startsWith("numeric")) {
            return numeric(name, type, required, pii, where);
        }
        try {
            return new DatasetColumn(name, ColumnType.named(type), 0, 0, required, pii);
        }
        catch (IllegalArgumentException e) {
            throw bad(where + ".type: " + e.getMessage());
        }
    }

    /**
     * Unconstrained numeric is refused: loads and exports need to know the scale they
     * write.
     */
    private static DatasetColumn numeric(String name, String type, boolean required, boolean pii, String where) {
        Matcher m = NUMERIC.matcher(type);
        int precision = m.matches() ? Integer.parseInt(m.group(1)) : 0;
        int scale = m.matches() ? Integer.parseInt(m.group(2)) : -1;
        if (precision < 1 || precision > MAX_PRECISION || scale < 0 || scale > precision) {
            throw bad(where + ".type: numeric needs a precision and scale, numeric(p,s) with 1 <= p <= " + MAX_PRECISION
                    + " and 0 <= s <= p, e.g. numeric(12,2)");
        }
        return new DatasetColumn(name, ColumnType.NUMERIC, precision, scale, required, pii);
    }

}
