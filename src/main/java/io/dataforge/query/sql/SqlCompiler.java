package io.dataforge.query.sql;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.UUID;

import io.dataforge.datasets.ColumnType;
import io.dataforge.datasets.Dataset;
import io.dataforge.datasets.DatasetColumn;
import io.dataforge.datasets.Identifiers;
import io.dataforge.platform.web.ApiException;

/**
 * Turns a query into SQL over the dataset's table. Every name is checked against the
 * declared columns and quoted; every value is a parameter; the tenant predicate is always
 * there, and a condition on {@code tenant_id} may only name that tenant (403 otherwise).
 * Without the PII_READER role, pii columns come back as {@code ***} (the value never
 * leaves the database) and may not be filtered, sorted, grouped or aggregated beyond
 * count (403).
 */
public final class SqlCompiler {

    private static final String TENANT = "tenant_id";

    /**
     * Output names starting with this are internal: request names are identifiers, which
     * start with a letter.
     */
    public static final String HIDDEN = "_";
    static final String ROW_ID = HIDDEN + "row_id";

    private final Dataset dataset;

    private final UUID tenant;

    private final boolean piiReader;

    private final boolean cursorColumns;

    private SqlCompiler(Dataset dataset, UUID tenant, boolean piiReader, boolean cursorColumns) {
        this.dataset = dataset;
        this.tenant = tenant;
        this.piiReader = piiReader;
        this.cursorColumns = cursorColumns;
    }

    /**
     * A page of the query API, with the hidden columns a next cursor is made of;
     * {@code keyset}: where the previous page ended, or null.
     */
    public static CompiledQuery compile(QuerySpec spec, Dataset dataset, UUID tenant, boolean piiReader,
            Keyset keyset) {
        return new SqlCompiler(dataset, tenant, piiReader, true).compile(spec, keyset);
    }

    /**
     * The rows of an export: the selected columns only, since an export is read to its
     * end and needs no cursor.
     */
    public static CompiledQuery compileWithoutCursor(QuerySpec spec, Dataset dataset, UUID tenant, boolean piiReader) {
        return new SqlCompiler(dataset, tenant, piiReader, false).compile(spec, null);
    }

    private CompiledQuery compile(QuerySpec spec, Keyset keyset) {
        List<SelectItem> select = spec.select().isEmpty()
                ? dataset.columns().stream().map(c -> new SelectItem(c.name(), null, null)).toList() : spec.select();
        boolean aggregate = spec.isAggregate();
        List<String> names = new ArrayList<>();
        StringJoiner columns = new StringJoiner(", ");
        for (SelectItem item : select) {
            columns.add(selectSql(item, aggregate, spec.groupBy()));
            names.add(item.isAggregate() ? item.alias() : item.alias() != null ? item.alias() : item.column());
        }
        if (new LinkedHashSet<>(names).size() != names.size()) {
            throw invalid("output column names must be unique: " + names);
        }
        if (!aggregate && cursorColumns) {
            // hidden columns (names no request can give) from which the next page's
            // cursor is made
            for (int i = 0; i < spec.sort().size(); i++) {
                columns.add(Identifiers.quote(spec.sort().get(i).column()) + " AS \"" + HIDDEN + "sort_" + i + "\"");
                names.add(HIDDEN + "sort_" + i);
            }
            columns.add("row_id AS \"" + ROW_ID + "\"");
            names.add(ROW_ID);
        }
        List<Object> params = new ArrayList<>();
        String where = " WHERE " + TENANT + " = ?"
                + (spec.filter() == null ? "" : " AND " + filterSql(spec.filter(), params));
        params.add(0, tenant);
        String groupBy = spec.groupBy().isEmpty() ? "" : " GROUP BY " + String.join(", ",
                spec.groupBy().stream().map(name -> Identifiers.quote(readable(name, "group by").name())).toList());
        String from = " FROM " + dataset.table() + " t";
        String order = orderBy(spec, names, aggregate);
        List<Object> pageParams = new ArrayList<>(params);
        String after = keyset == null ? "" : " AND " + keysetSql(spec, keyset, aggregate, pageParams);
        pageParams.add(spec.limit());
        pageParams.add(spec.offset());
        String sql = "SELECT " + columns + from + where + after + groupBy + order + " LIMIT ? OFFSET ?";
        String countSql = aggregate ? "SELECT count(*) FROM (SELECT 1" + from + where + groupBy + ") g"
                : "SELECT count(*)" + from + where;
        return new CompiledQuery(sql, pageParams, countSql, params, names);
    }

    private String selectSql(SelectItem item, boolean aggregate, List<String> groupBy) {
        String alias = item.alias() == null ? "" : " AS " + Identifiers.quote(item.alias());
        if (!item.isAggregate()) {
            DatasetColumn column = declared(item.column());
            if (aggregate && !groupBy.contains(column.name())) {
                throw invalid(column.name() + " must be in groupBy or inside an aggregate");
            }
            String name = alias.isEmpty() ? " AS " + Identifiers.quote(column.name()) : alias;
            return column.selected(piiReader) + (masked(column) ? name : alias);
        }
        if (item.column() == null) {
            return "count(*)" + alias;
        }
        DatasetColumn column = declared(item.column());
        if (item.aggregate() != SelectItem.Aggregate.COUNT) {
            readable(column.name(), item.aggregate().name().toLowerCase());
            boolean numeric = column.type() == ColumnType.INTEGER || column.type() == ColumnType.BIGINT
                    || column.type() == ColumnType.NUMERIC;
            boolean ordered = numeric || column.type() == ColumnType.DATE || column.type() == ColumnType.TIMESTAMP
                    || column.type() == ColumnType.TIMESTAMPTZ || column.type() == ColumnType.TEXT;
            boolean sumOrAvg = item.aggregate() == SelectItem.Aggregate.SUM
                    || item.aggregate() == SelectItem.Aggregate.AVG;
            if (sumOrAvg ? !numeric : !ordered) {
                throw invalid(item.aggregate().name().toLowerCase() + " does not apply to " + column.typeName()
                        + " column " + column.name());
            }
        }
        return item.aggregate().name().toLowerCase() + "(" + Identifiers.quote(column.name()) + ")" + alias;
    }

    private String filterSql(Filter filter, List<Object> params) {
        if (filter instanceof Filter.And and) {
            return joined(and.parts(), " AND ", params);
        }
        if (filter instanceof Filter.Or or) {
            return joined(or.parts(), " OR ", params);
        }
        if (filter instanceof Filter.Not not) {
            return "NOT (" + filterSql(not.part(), params) + ")";
        }
        return conditionSql((Filter.Condition) filter, params);
    }

    private String joined(List<Filter> parts, String operator, List<Object> params) {
        StringJoiner joined = new StringJoiner(operator, "(", ")");
        parts.forEach(part -> joined.add(filterSql(part, params)));
        return joined.toString();
    }

    private String conditionSql(Filter.Condition condition, List<Object> params) {
        if (condition.column().equals(TENANT)) {
            return tenantCondition(condition, params);
        }
        DatasetColumn column = readable(condition.column(), "filter");
        String name = Identifiers.quote(column.name());
        Operator op = condition.op();
        List<Object> values = condition.values().stream().map(v -> ValueBinding.bind(column, op, v)).toList();
        params.addAll(values);
        return switch (op) {
            case IS_NULL, IS_NOT_NULL -> name + " " + op.sql;
            case IN -> name + " IN (" + String.join(", ", values.stream().map(v -> "?").toList()) + ")";
            case BETWEEN -> name + " BETWEEN ? AND ?";
            default -> name + " " + op.sql + " ?";
        };
    }

    /**
     * Only "tenant_id = <this tenant>" is allowed: it is what the query already means.
     */
    private String tenantCondition(Filter.Condition condition, List<Object> params) {
        boolean own = condition.op() == Operator.EQ
                && tenant.toString().equalsIgnoreCase(String.valueOf(condition.values().get(0)));
        if (!own) {
            throw new ApiException(403, "A query may only read its own tenant's rows", "FORBIDDEN_TENANT", null);
        }
        params.add(tenant);
        return TENANT + " = ?";
    }

    private String orderBy(QuerySpec spec, List<String> names, boolean aggregate) {
        StringJoiner order = new StringJoiner(", ", " ORDER BY ", "");
        Set<String> used = new LinkedHashSet<>();
        for (SortKey key : spec.sort()) {
            if (aggregate) {
                if (!names.contains(key.column())) {
                    throw invalid(
                            "sort on " + key.column() + ": an aggregate query sorts by its output columns " + names);
                }
                if (spec.groupBy().contains(key.column())) {
                    readable(key.column(), "sort");
                }
            }
            else if (readable(key.column(), "sort").type() == ColumnType.JSONB) {
                throw invalid("jsonb column " + key.column() + " cannot be sorted");
            }
            // a row query names the table's column: an output alias of the same name
            // would win otherwise
            order.add((aggregate ? "" : "t.") + Identifiers.quote(key.column()) + (key.ascending() ? " ASC" : " DESC"));
            used.add(key.column());
        }
        // ties broken the same way on every page: the group columns, or the row's number
        if (aggregate) {
            spec.groupBy().stream().filter(g -> !used.contains(g)).forEach(g -> order.add(Identifiers.quote(g)));
        }
        else {
            order.add("t.row_id ASC");
        }
        return order.length() == " ORDER BY ".length() ? "" : order.toString();
    }

    /**
     * Rows after the cursor's in the sort order (each key, then row_id): a lexicographic
     * comparison that follows PostgreSQL's null placement (last when ascending, first
     * when descending).
     */
    private String keysetSql(QuerySpec spec, Keyset keyset, boolean aggregate, List<Object> params) {
        if (aggregate) {
            throw invalid("page.after applies to row queries; aggregate queries page with offset");
        }
        String bound = seekBound(spec.sort().isEmpty() ? null : spec.sort().get(0), keyset, params);
        StringJoiner any = new StringJoiner(" OR ", "(", ")");
        for (int i = 0; i <= spec.sort().size(); i++) {
            StringJoiner all = new StringJoiner(" AND ", "(", ")");
            for (int j = 0; j < i; j++) {
                all.add(keyCompare(spec.sort().get(j), keyset.values().get(j), true, params));
            }
            if (i < spec.sort().size()) {
                all.add(keyCompare(spec.sort().get(i), keyset.values().get(i), false, params));
            }
            else {
                all.add("row_id > ?");
                params.add(keyset.rowId());
            }
            any.add(all.toString());
        }
        return bound + any;
    }

    /**
     * A bound on the first sort key that the comparison above implies but PostgreSQL does
     * not derive from its ORs: with it, an index leading with that key starts at the
     * cursor instead of reading every earlier row.
     */
    private String seekBound(SortKey first, Keyset keyset, List<Object> params) {
        if (first == null || keyset.values().get(0) == null) {
            return "";
        }
        DatasetColumn column = declared(first.column());
        String name = Identifiers.quote(column.name());
        params.add(ValueBinding.bind(column, Operator.EQ, keyset.values().get(0)));
        if (!first.ascending()) {
            return name + " <= ? AND ";
        }
        return column.required() ? name + " >= ? AND " : "(" + name + " >= ? OR " + name + " IS NULL) AND ";
    }

    private String keyCompare(SortKey key, String value, boolean equal, List<Object> params) {
        DatasetColumn column = declared(key.column());
        String name = Identifiers.quote(column.name());
        if (value == null) {
            return equal ? name + " IS NULL" : key.ascending() ? "FALSE" : name + " IS NOT NULL";
        }
        params.add(ValueBinding.bind(column, Operator.EQ, value));
        if (equal) {
            return name + " = ?";
        }
        return key.ascending() ? "(" + name + " > ? OR " + name + " IS NULL)" : name + " < ?";
    }

    private DatasetColumn readable(String name, String use) {
        DatasetColumn column = declared(name);
        if (masked(column)) {
            throw new ApiException(403, "Column " + name + " holds personal data: it cannot be used to " + use
                    + " without the PII_READER role", "PII_COLUMN", null);
        }
        return column;
    }

    private DatasetColumn declared(String name) {
        return dataset.column(name).orElseThrow(() -> invalid("dataset " + dataset.name() + " has no column " + name));
    }

    private boolean masked(DatasetColumn column) {
        return column.maskedFor(piiReader);
    }

    private static ApiException invalid(String message) {
        return new ApiException(400, message, "INVALID_QUERY", null);
    }

}
