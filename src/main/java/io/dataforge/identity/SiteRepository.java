package io.dataforge.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.dataforge.platform.web.PageQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class SiteRepository {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "created_at", "domain", "lower(domain)",
            "displayName", "display_name");
    private static final String COLUMNS = "id, account_id, domain, display_name, is_active, secret_rotated_at, created_at, updated_at";

    private final JdbcTemplate jdbc;

    SiteRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Throws DuplicateKeyException when the domain is taken (case-insensitively, across all accounts). */
    Map<String, Object> create(UUID accountId, String domain, String displayName, String secretHash) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO sites (id, account_id, domain, display_name, secret_hash) VALUES (?, ?, ?, ?, ?)",
                id, accountId, domain, displayName, secretHash);
        return find(id).orElseThrow();
    }

    Optional<Map<String, Object>> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM sites WHERE id = ? AND deleted_at IS NULL", this::map, id)
                .stream().findFirst();
    }

    List<Map<String, Object>> page(UUID accountId, PageQuery page) {
        // orderBy comes from PageQuery's whitelist, never from request text
        return jdbc.query("SELECT " + COLUMNS + " FROM sites WHERE account_id = ? AND deleted_at IS NULL ORDER BY "
                + page.orderBy() + ", id LIMIT ? OFFSET ?", this::map, accountId, page.size(), page.offset());
    }

    long count(UUID accountId) {
        return jdbc.queryForObject("SELECT count(*) FROM sites WHERE account_id = ? AND deleted_at IS NULL", Long.class, accountId);
    }

    boolean update(UUID id, String displayName, Boolean active) {
        return jdbc.update("UPDATE sites SET display_name = coalesce(?, display_name), is_active = coalesce(?, is_active),"
                + " updated_at = now() WHERE id = ? AND deleted_at IS NULL", displayName, active, id) == 1;
    }

    boolean rotateSecret(UUID id, String secretHash) {
        return jdbc.update("UPDATE sites SET secret_hash = ?, secret_rotated_at = now(), updated_at = now()"
                + " WHERE id = ? AND deleted_at IS NULL", secretHash, id) == 1;
    }

    boolean delete(UUID id) {
        return jdbc.update("UPDATE sites SET deleted_at = now(), is_active = FALSE, updated_at = now()"
                + " WHERE id = ? AND deleted_at IS NULL", id) == 1;
    }

    private Map<String, Object> map(ResultSet rs, int row) throws SQLException {
        Map<String, Object> site = new LinkedHashMap<>();
        site.put("id", rs.getObject("id", UUID.class));
        site.put("accountId", rs.getObject("account_id", UUID.class));
        site.put("domain", rs.getString("domain"));
        site.put("displayName", rs.getString("display_name"));
        site.put("isActive", rs.getBoolean("is_active"));
        site.put("secretRotatedAt", rs.getObject("secret_rotated_at", OffsetDateTime.class));
        site.put("createdAt", rs.getObject("created_at", OffsetDateTime.class));
        site.put("updatedAt", rs.getObject("updated_at", OffsetDateTime.class));
        return site;
    }
}
