package io.dataforge.identity.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.dataforge.platform.web.PageQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

@Repository
public class AccountRepository {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "created_at", "name", "name", "email",
            "lower(email)");

    private static final String COLUMNS = "id, email, name, is_active, created_at, updated_at,"
            + " (SELECT count(*) FROM sites s WHERE s.account_id = accounts.id AND s.deleted_at IS NULL) AS sites_count";

    private final JdbcTemplate jdbc;

    AccountRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws DuplicateKeyException when the email is taken (case-insensitively). */
    Account create(String email, String name) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO accounts (id, email, name) VALUES (?, ?, ?)", id, email, name);
        return find(id).orElseThrow();
    }

    Optional<Account> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM accounts WHERE id = ? AND deleted_at IS NULL", this::map, id)
            .stream()
            .findFirst();
    }

    List<Account> page(PageQuery page) {
        // orderBy comes from PageQuery's whitelist, never from request text
        return jdbc.query("SELECT " + COLUMNS + " FROM accounts WHERE deleted_at IS NULL ORDER BY " + page.orderBy()
                + ", id LIMIT ? OFFSET ?", this::map, page.size(), page.offset());
    }

    public boolean exists(UUID id, boolean deletedToo) {
        return jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM accounts WHERE id = ? AND (? OR deleted_at IS NULL))",
                Boolean.class, id, deletedToo);
    }

    long count() {
        return jdbc.queryForObject("SELECT count(*) FROM accounts WHERE deleted_at IS NULL", Long.class);
    }

    boolean update(UUID id, String name, Boolean active) {
        return jdbc.update("UPDATE accounts SET name = coalesce(?, name), is_active = coalesce(?, is_active),"
                + " updated_at = now() WHERE id = ? AND deleted_at IS NULL", name, active, id) == 1;
    }

    /** Soft delete: the account and all its sites and API clients stop getting tokens. */
    @Transactional
    boolean delete(UUID id) {
        int deleted = jdbc.update("UPDATE accounts SET deleted_at = now(), is_active = FALSE, updated_at = now()"
                + " WHERE id = ? AND deleted_at IS NULL", id);
        jdbc.update("UPDATE sites SET is_active = FALSE, updated_at = now() WHERE account_id = ?", id);
        jdbc.update("UPDATE api_clients SET is_active = FALSE, updated_at = now() WHERE account_id = ?", id);
        return deleted == 1;
    }

    /**
     * The account's own figures; the batch figures come from
     * {@link io.dataforge.identity.AccountActivity}.
     */
    AccountStats.Sites stats(UUID id) {
        return jdbc.queryForObject("""
                SELECT count(*) FILTER (WHERE deleted_at IS NULL) AS sites_count,
                       count(*) FILTER (WHERE deleted_at IS NULL AND is_active) AS active_sites
                FROM sites WHERE account_id = ?""",
                (rs, n) -> new AccountStats.Sites(rs.getLong("sites_count"), rs.getLong("active_sites")), id);
    }

    /**
     * The batch totals are 0 here: {@link io.dataforge.identity.AccountActivity} fills
     * them in.
     */
    private Account map(ResultSet rs, int row) throws SQLException {
        return new Account(rs.getObject("id", UUID.class), rs.getString("email"), rs.getString("name"),
                rs.getBoolean("is_active"), rs.getLong("sites_count"), 0, 0,
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

}
