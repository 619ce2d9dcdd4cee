package io.dataforge.query.sql;

import java.util.List;
import java.util.UUID;

/**
 * A parsed query, structurally valid but not yet checked against the dataset:
 * {@code offset} or {@code after} (a keyset cursor) pages it; {@code tenantId} is set
 * only when an admin names the tenant.
 */
public record QuerySpec(String dataset, List<SelectItem> select, Filter filter, List<String> groupBy,
        List<SortKey> sort, int limit, long offset, String after, boolean includeTotal, UUID tenantId) {

    public boolean isAggregate() {
        return select.stream().anyMatch(SelectItem::isAggregate) || !groupBy.isEmpty();
    }
}
