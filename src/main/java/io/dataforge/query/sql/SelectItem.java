package io.dataforge.query.sql;

/**
 * One output column: a dataset column, or an aggregate ({@code count} with a null column
 * is count(*)), with the name it has in the rows.
 */
record SelectItem(String column, Aggregate aggregate, String alias) {

    enum Aggregate {

        COUNT, SUM, AVG, MIN, MAX

    }

    boolean isAggregate() {
        return aggregate != null;
    }
}
