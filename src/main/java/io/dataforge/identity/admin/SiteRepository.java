package io.dataforge.identity.admin;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
class SiteRepository extends SecretHolderRepository<Site> {

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
    Site create(UUID accountId, String domain, String displayName, String secretHash) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO sites (id, account_id, domain, display_name, secret_hash) VALUES (?, ?, ?, ?, ?)", id,
                accountId, domain, displayName, secretHash);
        return find(id).orElseThrow();
    }

    @Override
    protected Site map(ResultSet rs, int row) throws SQLException {
        return new Site(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class), rs.getString("domain"),
                rs.getString("display_name"), rs.getBoolean("is_active"),
                rs.getObject("secret_rotated_at", OffsetDateTime.class),
                rs.getObject("created_at", OffsetDateTime.class), rs.getObject("updated_at", OffsetDateTime.class));
    }

}
