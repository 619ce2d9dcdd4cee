/**
 * The query language: a query ({@link io.dataforge.query.QueryRequest}) read into a
 * {@link io.dataforge.query.sql.QuerySpec} and compiled into SQL over the dataset's
 * table, for the query API and for exports alike (through
 * {@link io.dataforge.query.QueryPlans}).
 * <p>
 * In: the query as its record (bound from JSON and checked by Bean Validation; each of
 * its parts keeps the keys it did not know, to be refused here), then the parsed spec
 * with the dataset's declaration, the caller's tenant, whether pii is shown, and for a
 * next page the signed cursor's {@link io.dataforge.query.sql.Keyset}. Out: a
 * {@link io.dataforge.query.sql.CompiledQuery}: SQL text built only from names checked
 * against the declared columns and quoted, every request value a bound parameter typed
 * against its column, the tenant predicate always there, pii columns masked as
 * {@code ***} in the database; with it the count's SQL and the output names (the hidden
 * cursor columns first named with {@code _}). Nothing here touches a connection.
 * <p>
 * Bad record: a malformed query (unknown keys, names that are not identifiers, unknown
 * operators, a missing or too large limit, filters past their caps, a value of the wrong
 * type for its column) is refused with 400 and the reason; another tenant named in a
 * condition, or a masked column filtered, sorted, grouped or aggregated beyond count,
 * with 403. Nothing of the request is ever spliced into SQL.
 * <p>
 * Replay: parsing and compiling are functions of the query, the declaration, the tenant
 * and the rights: the same inputs give the same SQL and parameters, as often as asked.
 */
package io.dataforge.query.sql;
