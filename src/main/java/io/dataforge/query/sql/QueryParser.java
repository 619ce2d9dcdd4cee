package io.dataforge.query.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.dataforge.datasets.Identifiers;
import io.dataforge.platform.web.ApiException;
import io.dataforge.query.QueryRequest;

/**
 * Reads a {@link QueryRequest}, already bound and checked by Bean Validation, into a
 * {@link QuerySpec}, refusing with 400 anything malformed: unknown keys, names that are
 * not identifiers, unknown operators or directions, a missing or too large limit, filters
 * deeper or larger than the caps. Nothing here is checked against the dataset yet (see
 * {@link SqlCompiler}).
 */
public final class QueryParser {

    static final int MAX_LIMIT = 5000;
    static final int MAX_DEPTH = 8;
    static final int MAX_CONDITIONS = 100;
    static final int MAX_LIST_VALUES = 1000;

    private int conditions;

    public static QuerySpec parse(QueryRequest query) {
        return new QueryParser().spec(query, MAX_LIMIT, true);
    }

    /**
     * An export's query: its limit may be left out (then it is {@code maxRows}), and it
     * pages by offset only.
     */
    public static QuerySpec parseExport(QueryRequest query, int maxRows) {
        return new QueryParser().spec(query, maxRows, false);
    }

    private QuerySpec spec(QueryRequest query, int maxLimit, boolean limitRequired) {
        Json.noUnknownKeys(query.unknown(), "the query");
        List<SelectItem> select = new ArrayList<>();
        for (QueryRequest.Select item : Json.orEmpty(query.select())) {
            select.add(selectItem(item));
        }
        Filter filter = query.filter() == null ? null : filter(query.filter(), 1);
        List<String> groupBy = new ArrayList<>();
        for (String column : Json.orEmpty(query.groupBy())) {
            groupBy.add(identifier(column, "groupBy"));
        }
        List<SortKey> sort = new ArrayList<>();
        for (QueryRequest.Sort key : Json.orEmpty(query.sort())) {
            sort.add(sortKey(key));
        }
        QueryRequest.Page page = query.page();
        if (page == null && limitRequired) {
            throw new ApiException(400, "page (with a limit of at most " + maxLimit + ") must be a JSON object");
        }
        if (page != null) {
            Json.noUnknownKeys(page.unknown(), "page.");
            if (!limitRequired && page.after() != null) {
                throw new ApiException(400, "unknown key 'after' in page.");
            }
        }
        if (limitRequired && page.limit() == null) {
            throw new ApiException(400, "page.limit must be a whole number");
        }
        long limit = page == null || page.limit() == null ? maxLimit : page.limit();
        if (limit < 1 || limit > maxLimit) {
            throw new ApiException(400,
                    "page.limit must be 1 to " + maxLimit + (limitRequired ? ": unbounded queries are refused" : ""));
        }
        long offset = page == null || page.offset() == null ? 0 : page.offset();
        String after = page == null || page.after() == null ? null : Json.string(page.after(), "page.after");
        if (offset < 0 || offset > 10_000_000 || (after != null && offset != 0)) {
            throw new ApiException(400, "page.offset must be 0 to 10,000,000, and not given together with page.after");
        }
        boolean includeTotal = !Boolean.FALSE.equals(query.includeTotal());
        return new QuerySpec(query.dataset(), select, filter, groupBy, sort, (int) limit, offset, after, includeTotal,
                query.tenantId());
    }

    /**
     * An item given as text comes here as the object it stands for ({@code count(*)}: fn
     * count).
     */
    private SelectItem selectItem(QueryRequest.Select item) {
        if (item == null) {
            throw new ApiException(400, "select item must be a JSON object");
        }
        Json.noUnknownKeys(item.unknown(), "select item ");
        String alias = item.alias() == null ? null : identifier(item.alias(), "select alias");
        String column = item.column() == null || "*".equals(item.column()) ? null
                : identifier(item.column(), "select column");
        if (item.fn() == null) {
            if (column == null) {
                throw new ApiException(400, "a select item needs a column or an fn");
            }
            return new SelectItem(column, null, alias);
        }
        return aggregate(Json.string(item.fn(), "select fn").toLowerCase(Locale.ROOT), column, alias);
    }

    private static SelectItem aggregate(String fn, String column, String alias) {
        SelectItem.Aggregate aggregate;
        try {
            aggregate = SelectItem.Aggregate.valueOf(fn.toUpperCase(Locale.ROOT));
        }
        catch (IllegalArgumentException e) {
            throw new ApiException(400, "fn must be count, sum, avg, min or max");
        }
        if (column == null && aggregate != SelectItem.Aggregate.COUNT) {
            throw new ApiException(400, fn + " needs a column");
        }
        String name = alias != null ? alias : column == null ? "count" : fn + "_" + column;
        return new SelectItem(column, aggregate, name);
    }

    private Filter filter(QueryRequest.Filter node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ApiException(400, "filters may nest at most " + MAX_DEPTH + " levels");
        }
        if (node == null) {
            throw new ApiException(400, "filter must be a JSON object");
        }
        List<String> keys = keys(node);
        if (node.and() != null || node.or() != null) {
            String form = node.and() != null ? "and" : "or";
            Json.onlyKeys(keys, "filter ", form);
            List<Filter> parts = new ArrayList<>();
            for (QueryRequest.Filter part : Json.list(node.and() != null ? node.and() : node.or(), "and/or",
                    MAX_CONDITIONS)) {
                parts.add(filter(part, depth + 1));
            }
            if (parts.isEmpty()) {
                throw new ApiException(400, "and/or need at least one filter");
            }
            return node.and() != null ? new Filter.And(parts) : new Filter.Or(parts);
        }
        if (node.not() != null) {
            Json.onlyKeys(keys, "filter ", "not");
            return new Filter.Not(filter(node.not(), depth + 1));
        }
        return condition(node, keys);
    }

    private Filter condition(QueryRequest.Filter node, List<String> keys) {
        Json.onlyKeys(keys, "condition ", "column", "op", "value");
        if (++conditions > MAX_CONDITIONS) {
            throw new ApiException(400, "a filter may hold at most " + MAX_CONDITIONS + " conditions");
        }
        String column = identifier(node.column(), "condition column");
        Operator op = Operator.named(Json.string(node.op(), "condition op"))
            .orElseThrow(() -> new ApiException(400,
                    "op must be one of =, <>, <, <=, >, >=, in, between, like, ilike, isNull, isNotNull"));
        List<Object> values = switch (op.arity) {
            case 0 -> List.of();
            case 1 -> List.of(Json.scalar(node.value(), column));
            default -> Json.list(node.value(), op.name + " value (a list)", MAX_LIST_VALUES)
                .stream()
                .map(value -> Json.scalar(value, column))
                .toList();
        };
        if (op.arity > 0 && values.size() != op.arity && !(op.arity == -1 && !values.isEmpty())) {
            throw new ApiException(400, op.name + " on " + column + " takes "
                    + (op.arity == -1 ? "a non-empty list" : op.arity + " values"));
        }
        return new Filter.Condition(column, op, values);
    }

    /** The keys a filter object was given, those it may have first. */
    private static List<String> keys(QueryRequest.Filter node) {
        String[] names = { "and", "or", "not", "column", "op", "value" };
        Object[] values = { node.and(), node.or(), node.not(), node.column(), node.op(), node.value() };
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (values[i] != null) {
                keys.add(names[i]);
            }
        }
        if (node.unknown() != null) {
            keys.addAll(node.unknown().keySet());
        }
        return keys;
    }

    private static SortKey sortKey(QueryRequest.Sort key) {
        if (key == null) {
            throw new ApiException(400, "sort key must be a JSON object");
        }
        Json.noUnknownKeys(key.unknown(), "sort key ");
        String direction = key.direction() == null ? "asc" : Json.string(key.direction(), "direction");
        if (!direction.equalsIgnoreCase("asc") && !direction.equalsIgnoreCase("desc")) {
            throw new ApiException(400, "direction must be asc or desc");
        }
        return new SortKey(identifier(key.column(), "sort column"), direction.equalsIgnoreCase("asc"));
    }

    private static String identifier(Object value, String what) {
        String name = Json.string(value, what);
        if (!Identifiers.isValid(name)) {
            throw new ApiException(400, what + " '" + Json.excerpt(name) + "' is not a column name");
        }
        return name;
    }

}
