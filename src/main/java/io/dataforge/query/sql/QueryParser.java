package io.dataforge.query.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.dataforge.datasets.Identifiers;
import io.dataforge.platform.web.ApiException;

/**
 * Reads the JSON query into a {@link QuerySpec}, refusing with 400 anything malformed:
 * unknown keys, names that are not identifiers, unknown operators or directions, a
 * missing or too large limit, filters deeper or larger than the caps. Nothing here is
 * checked against the dataset yet (see {@link SqlCompiler}).
 */
public final class QueryParser {

    static final int MAX_LIMIT = 5000;
    static final int MAX_DEPTH = 8;
    static final int MAX_CONDITIONS = 100;
    static final int MAX_LIST_VALUES = 1000;

    private static final Pattern AGGREGATE = Pattern.compile("(count|sum|avg|min|max)\\((\\*|[a-z][a-z0-9_]*)\\)");

    private int conditions;

    public static QuerySpec parse(Map<String, Object> body) {
        return new QueryParser().spec(body, MAX_LIMIT, true);
    }

    /**
     * An export's query: its limit may be left out (then it is {@code maxRows}), and it
     * pages by offset only.
     */
    public static QuerySpec parseExport(Map<String, Object> body, int maxRows) {
        return new QueryParser().spec(body, maxRows, false);
    }

    private QuerySpec spec(Map<String, Object> body, int maxLimit, boolean limitRequired) {
        Json.onlyKeys(body, "the query", "dataset", "select", "filter", "groupBy", "sort", "page", "includeTotal",
                "tenantId");
        String dataset = Json.string(body.get("dataset"), "dataset");
        List<SelectItem> select = new ArrayList<>();
        for (Object item : Json.list(body.getOrDefault("select", List.of()), "select", 200)) {
            select.add(selectItem(item));
        }
        Filter filter = body.get("filter") == null ? null : filter(body.get("filter"), 1);
        List<String> groupBy = new ArrayList<>();
        for (Object column : Json.list(body.getOrDefault("groupBy", List.of()), "groupBy", 50)) {
            groupBy.add(identifier(column, "groupBy"));
        }
        List<SortKey> sort = new ArrayList<>();
        for (Object key : Json.list(body.getOrDefault("sort", List.of()), "sort", 20)) {
            sort.add(sortKey(key));
        }
        Map<String, Object> page = limitRequired || body.get("page") != null
                ? Json.object(body.get("page"), "page (with a limit of at most " + maxLimit + ")") : Map.of();
        Json.onlyKeys(page, "page.",
                limitRequired ? new String[] { "limit", "offset", "after" } : new String[] { "limit", "offset" });
        long limit = !limitRequired && page.get("limit") == null ? maxLimit
                : Json.whole(page.get("limit"), "page.limit");
        if (limit < 1 || limit > maxLimit) {
            throw new ApiException(400,
                    "page.limit must be 1 to " + maxLimit + (limitRequired ? ": unbounded queries are refused" : ""));
        }
        long offset = page.get("offset") == null ? 0 : Json.whole(page.get("offset"), "page.offset");
        String after = page.get("after") == null ? null : Json.string(page.get("after"), "page.after");
        if (offset < 0 || offset > 10_000_000 || (after != null && offset != 0)) {
            throw new ApiException(400, "page.offset must be 0 to 10,000,000, and not given together with page.after");
        }
        boolean includeTotal = !Boolean.FALSE.equals(body.get("includeTotal"));
        UUID tenantId = body.get("tenantId") == null ? null : uuid(body.get("tenantId"));
        return new QuerySpec(dataset, select, filter, groupBy, sort, (int) limit, offset, after, includeTotal,
                tenantId);
    }

    private SelectItem selectItem(Object item) {
        if (item instanceof String text) {
            Matcher aggregate = AGGREGATE.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (aggregate.matches()) {
                return aggregate(aggregate.group(1), "*".equals(aggregate.group(2)) ? null : aggregate.group(2), null);
            }
            return new SelectItem(identifier(text, "select"), null, null);
        }
        Map<String, Object> object = Json.object(item, "select item");
        Json.onlyKeys(object, "select item ", "column", "fn", "alias");
        String alias = object.get("alias") == null ? null : identifier(object.get("alias"), "select alias");
        String column = object.get("column") == null || "*".equals(object.get("column")) ? null
                : identifier(object.get("column"), "select column");
        if (object.get("fn") == null) {
            if (column == null) {
                throw new ApiException(400, "a select item needs a column or an fn");
            }
            return new SelectItem(column, null, alias);
        }
        return aggregate(Json.string(object.get("fn"), "select fn").toLowerCase(Locale.ROOT), column, alias);
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

    private Filter filter(Object node, int depth) {
        if (depth > MAX_DEPTH) {
            throw new ApiException(400, "filters may nest at most " + MAX_DEPTH + " levels");
        }
        Map<String, Object> object = Json.object(node, "filter");
        if (object.containsKey("and") || object.containsKey("or")) {
            Json.onlyKeys(object, "filter ", object.containsKey("and") ? "and" : "or");
            List<Filter> parts = new ArrayList<>();
            for (Object part : Json.list(object.values().iterator().next(), "and/or", MAX_CONDITIONS)) {
                parts.add(filter(part, depth + 1));
            }
            if (parts.isEmpty()) {
                throw new ApiException(400, "and/or need at least one filter");
            }
            return object.containsKey("and") ? new Filter.And(parts) : new Filter.Or(parts);
        }
        if (object.containsKey("not")) {
            Json.onlyKeys(object, "filter ", "not");
            return new Filter.Not(filter(object.get("not"), depth + 1));
        }
        return condition(object);
    }

    private Filter condition(Map<String, Object> object) {
        Json.onlyKeys(object, "condition ", "column", "op", "value");
        if (++conditions > MAX_CONDITIONS) {
            throw new ApiException(400, "a filter may hold at most " + MAX_CONDITIONS + " conditions");
        }
        String column = identifier(object.get("column"), "condition column");
        Operator op = Operator.named(Json.string(object.get("op"), "condition op"))
            .orElseThrow(() -> new ApiException(400,
                    "op must be one of =, <>, <, <=, >, >=, in, between, like, ilike, isNull, isNotNull"));
        List<Object> values = switch (op.arity) {
            case 0 -> List.of();
            case 1 -> List.of(Json.scalar(object.get("value"), column));
            default -> Json.list(object.get("value"), op.name + " value (a list)", MAX_LIST_VALUES)
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

    private static SortKey sortKey(Object key) {
        Map<String, Object> object = Json.object(key, "sort key");
        Json.onlyKeys(object, "sort key ", "column", "direction");
        String direction = object.get("direction") == null ? "asc" : Json.string(object.get("direction"), "direction");
        if (!direction.equalsIgnoreCase("asc") && !direction.equalsIgnoreCase("desc")) {
            throw new ApiException(400, "direction must be asc or desc");
        }
        return new SortKey(identifier(object.get("column"), "sort column"), direction.equalsIgnoreCase("asc"));
    }

    private static String identifier(Object value, String what) {
        String name = Json.string(value, what);
        if (!Identifiers.isValid(name)) {
            throw new ApiException(400, what + " '" + Json.excerpt(name) + "' is not a column name");
        }
        return name;
    }

    private static UUID uuid(Object value) {
        try {
            return UUID.fromString(Json.string(value, "tenantId"));
        }
        catch (IllegalArgumentException e) {
            throw new ApiException(400, "tenantId must be a UUID");
        }
    }

}
