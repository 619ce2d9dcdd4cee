package io.dataforge.query.sql;

import java.util.List;

/** A query's filter: conditions composed with and / or / not. */
sealed interface Filter {

    record And(List<Filter> parts) implements Filter {
    }

    record Or(List<Filter> parts) implements Filter {
    }

    record Not(Filter part) implements Filter {
    }

    /**
     * {@code values}: none (isNull, isNotNull), one, two (between) or several (in), still
     * as JSON scalars.
     */
    record Condition(String column, Operator op, List<Object> values) implements Filter {
    }

}
