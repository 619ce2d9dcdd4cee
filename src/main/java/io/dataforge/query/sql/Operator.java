package io.dataforge.query.sql;

import java.util.Arrays;
import java.util.Optional;

/**
 * The filter operators, with the SQL each becomes and how many values it takes (-1: one
 * or more).
 */
enum Operator {

    EQ("=", "=", 1), NE("<>", "<>", 1), LT("<", "<", 1), LE("<=", "<=", 1), GT(">", ">", 1), GE(">=", ">=", 1),
    IN("in", "IN", -1), BETWEEN("between", "BETWEEN", 2), LIKE("like", "LIKE", 1), ILIKE("ilike", "ILIKE", 1),
    IS_NULL("isNull", "IS NULL", 0), IS_NOT_NULL("isNotNull", "IS NOT NULL", 0);

    final String name;

    final String sql;

    final int arity;

    Operator(String name, String sql, int arity) {
        this.name = name;
        this.sql = sql;
        this.arity = arity;
    }

    static Optional<Operator> named(String name) {
        return Arrays.stream(values()).filter(op -> op.name.equals(name)).findFirst();
    }

    boolean isTextMatch() {
        return this == LIKE || this == ILIKE;
    }

}
