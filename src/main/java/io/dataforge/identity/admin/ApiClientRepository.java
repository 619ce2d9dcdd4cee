package io.dataforge.identity.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class ApiClientRepository extends SecretHolderRepository<ApiClient> {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "created_at", "name", "name");

    ApiClientRepository(JdbcTemplate jdbc) {
        super(jdbc, "api_clients", "name",
                "id, account_id, client_id, name, roles, is_active, secret_rotated_at, created_at, updated_at");
    }

    ApiClient create(UUID accountId, String clientId, String name, List<String> roles, String secretHash) {
        UUID id = UUID.randomUUID();
        jdbc.update(
                "INSERT INTO api_clients (id, account_id, client_id, name, roles, secret_hash) VALUES (?, ?, ?, ?, ?, ?)",
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

    @Override
    protected ApiClient map(ResultSet rs, int row) throws SQLException {
        return new ApiClient(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("client_id"), rs.getString("name"),
                Arrays.asList((String[]) rs.getArray("roles").getArray()), rs.getBoolean("is_active"),
                rs.getObject("secret_rotated_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

}
