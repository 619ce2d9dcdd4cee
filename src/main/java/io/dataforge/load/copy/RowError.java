package io.dataforge.load.copy;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A row a load left out: its number (1 = first row after the header), the column at fault
 * if one, and why.
 */
public record RowError(long rowNumber, String column, String reason, String rawExcerpt) {

    static final int EXCERPT_CHARS = 200;

    public Map<String, Object> view() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("rowNumber", rowNumber);
        view.put("column", column);
        view.put("reason", reason);
        view.put("rawExcerpt", rawExcerpt);
        return view;
    }
}
