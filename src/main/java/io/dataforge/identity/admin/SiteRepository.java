package io.dataforge.identity.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class SiteRepository extends SecretHolderRepository {

    static final Map<String, String> SORTABLE = Map.of("createdAt", "created_at", "domain", "lower(domain)",
            "displayName", "display_name");

    SiteRepository(JdbcTemplate jdbc) {
        super(jdbc, "sites", "display_name",
                "id, account_id, domain, display_name, is_active, secret_rotated_at, created_at, updated_at");
    }

    /**
     * Throws DuplicateKeyException when the domain is taken (case-insensitively, across
     * all accounts).
     */
    Map<String, Object> create(UUID accountId, String domain, String displayName, String secretHash) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO sites (id, account_id, domain, display_name, secret_hash) VALUES (?, ?, ?, ?, ?)", id,
                accountId, domain, displayName, secretHash);
        return find(id).orElseThrow();
    }

    @Override
    protected Map<String, Object> map(ResultSet rs, int row) throws SQLException {
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
