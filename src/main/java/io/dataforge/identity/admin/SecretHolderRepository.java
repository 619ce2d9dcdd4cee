package io.dataforge.identity.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import io.dataforge.platform.web.PageQuery;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What sites and API clients share: rows of an account that hold a hashed secret, can be
 * renamed, (de)activated, rotated and soft-deleted. Table and column names are constants
 * of the subclasses; each maps its rows to its own record {@code T}.
 */
abstract class SecretHolderRepository<T> {

    protected final JdbcTemplate jdbc;

    private final String table;

    private final String nameColumn;

    private final String columns;

    SecretHolderRepository(JdbcTemplate jdbc, String table, String nameColumn, String columns) {
        this.jdbc = jdbc;
        this.table = table;
        this.nameColumn = nameColumn;
        this.columns = columns;
    }

    protected abstract T map(ResultSet rs, int row) throws SQLException;

    Optional<T> find(UUID id) {
        return jdbc
            .query("SELECT " + columns + " FROM " + table + " WHERE id = ? AND deleted_at IS NULL", this::map, id)
            .stream()
            .findFirst();
    }

    List<T> page(UUID accountId, PageQuery page) {
        // orderBy comes from PageQuery's whitelist, never from request text
        return jdbc.query("SELECT " + columns + " FROM " + table
                + " WHERE account_id = ? AND deleted_at IS NULL ORDER BY " + page.orderBy() + ", id LIMIT ? OFFSET ?",
                this::map, accountId, page.size(), page.offset());
    }

    long count(UUID accountId) {
        return jdbc.queryForObject("SELECT count(*) FROM " + table + " WHERE account_id = ? AND deleted_at IS NULL",
                Long.class, accountId);
    }

    boolean update(UUID id, String name, Boolean active) {
        return jdbc.update(
                "UPDATE " + table + " SET " + nameColumn + " = coalesce(?, " + nameColumn + "),"
                        + " is_active = coalesce(?, is_active), updated_at = now() WHERE id = ? AND deleted_at IS NULL",
                name, active, id) == 1;
    }

    boolean rotateSecret(UUID id, String secretHash) {
        return jdbc.update("UPDATE " + table + " SET secret_hash = ?, secret_rotated_at = now(), updated_at = now()"
                + " WHERE id = ? AND deleted_at IS NULL", secretHash, id) == 1;
    }

    boolean delete(UUID id) {
        return jdbc.update("UPDATE " + table + " SET deleted_at = now(), is_active = FALSE, updated_at = now()"
                + " WHERE id = ? AND deleted_at IS NULL", id) == 1;
    }

}
