/**
 * What several capabilities need from the database beyond JDBC itself: monthly partitions
 * kept ahead of time, statements bound on a connection the caller holds, advisory locks
 * by key, result cells as JSON, and hash chains (the statement that inserts a chained
 * row, and the one that verifies a chain) over the owner's tables.
 * <p>
 * In: the caller's {@code JdbcTemplate}, connection or result set. Out: rows, locks and
 * JSON values; nothing here owns a table. Bad record: a database error is thrown to the
 * caller as it came. Replay: the caller's to decide; partitions and locks can be asked
 * for again at will.
 */
@NamedInterface("database")
package io.dataforge.platform.database;

import org.springframework.modulith.NamedInterface;
