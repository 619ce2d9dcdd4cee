package io.dataforge.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.dataforge.platform.web.PageQuery;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class ApiClientRepository {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "created_at", "name", "name");
    private static final String COLUMNS = "id, account_id, client_id, name, roles, is_active, secret_rotated_at, created_at, updated_at";

    private final JdbcTemplate jdbc;

    ApiClientRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Map<String, Object> create(UUID accountId, String clientId, String name, List<String> roles, String secretHash) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO api_clients (id, account_id, client_id, name, roles, secret_hash) VALUES (?, ?, ?, ?, ?, ?)",
                ps -> {
                    ps.setObject(1, id);
                    ps.setObject(2, accountId);
                    ps.setString(3, clientId);
                    ps.setString(4, name);
                    ps.setArray(5, ps.getConnection().createArrayOf("text", roles.toArray()));
                    ps.setString(6, secretHash);
                });
        return find(id).orElseThrow();
    }

    Optional<Map<String, Object>> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM api_clients WHERE id = ? AND deleted_at IS NULL", this::map, id)
                .stream().findFirst();
    }

    List<Map<String, Object>> page(UUID accountId, PageQuery page) {
        // orderBy comes from PageQuery's whitelist, never from request text
        return jdbc.query("SELECT " + COLUMNS + " FROM api_clients WHERE account_id = ? AND deleted_at IS NULL ORDER BY "
                + page.orderBy() + ", id LIMIT ? OFFSET ?", this::map, accountId, page.size(), page.offset());
    }

    long count(UUID accountId) {
        return jdbc.queryForObject("SELECT count(*) FROM api_clients WHERE account_id = ? AND deleted_at IS NULL",
                Long.class, accountId);
    }

    boolean update(UUID id, String name, Boolean active) {
        return jdbc.update("UPDATE api_clients SET name = coalesce(?, name), is_active = coalesce(?, is_active),"
                + " updated_at = now() WHERE id = ? AND deleted_at IS NULL", name, active, id) == 1;
    }

    boolean rotateSecret(UUID id, String secretHash) {
        return jdbc.update("UPDATE api_clients SET secret_hash = ?, secret_rotated_at = now(), updated_at = now()"
                + " WHERE id = ? AND deleted_at IS NULL", secretHash, id) == 1;
    }

    boolean delete(UUID id) {
        return jdbc.update("UPDATE api_clients SET deleted_at = now(), is_active = FALSE, updated_at = now()"
                + " WHERE id = ? AND deleted_at IS NULL", id) == 1;
    }

    private Map<String, Object> map(ResultSet rs, int row) throws SQLException {
        Map<String, Object> client = new LinkedHashMap<>();
        client.put("id", rs.getObject("id", UUID.class));
        client.put("accountId", rs.getObject("account_id", UUID.class));
        client.put("clientId", rs.getString("client_id"));
        client.put("name", rs.getString("name"));
        client.put("roles", Arrays.asList((String[]) rs.getArray("roles").getArray()));
        client.put("isActive", rs.getBoolean("is_active"));
        client.put("secretRotatedAt", rs.getObject("secret_rotated_at", OffsetDateTime.class));
        client.put("createdAt", rs.getObject("created_at", OffsetDateTime.class));
        client.put("updatedAt", rs.getObject("updated_at", OffsetDateTime.class));
        return client;
    }
}
