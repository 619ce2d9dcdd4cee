package io.dataforge.identity.tokens;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * Sites and API clients that may get a token: active, not deleted, and of an active,
 * undeleted account.
 */
@Repository
public class PrincipalRepository {

    public record SitePrincipal(UUID siteId, UUID accountId, String domain, String secretHash) {
    }

    public record ClientPrincipal(UUID id, UUID accountId, String clientId, List<String> roles, String secretHash) {
    }

    private static final String ACTIVE_SITE = """
            SELECT s.id, s.account_id, s.domain, s.secret_hash FROM sites s JOIN accounts a ON a.id = s.account_id
            WHERE s.is_active AND s.deleted_at IS NULL AND a.is_active AND a.deleted_at IS NULL""";

    private static final String ACTIVE_CLIENT = """
            SELECT c.id, c.account_id, c.client_id, c.roles, c.secret_hash FROM api_clients c
            JOIN accounts a ON a.id = c.account_id
            WHERE c.is_active AND c.deleted_at IS NULL AND a.is_active AND a.deleted_at IS NULL""";

    private final JdbcTemplate jdbc;

    PrincipalRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<SitePrincipal> siteByDomain(String domain) {
        return jdbc.query(ACTIVE_SITE + " AND lower(s.domain) = lower(?)", this::mapSite, domain).stream().findFirst();
    }

    public Optional<SitePrincipal> siteById(UUID siteId) {
        return jdbc.query(ACTIVE_SITE + " AND s.id = ?", this::mapSite, siteId).stream().findFirst();
    }

    Optional<ClientPrincipal> client(String clientId) {
        return jdbc.query(ACTIVE_CLIENT + " AND c.client_id = ?", this::mapClient, clientId).stream().findFirst();
    }

    private SitePrincipal mapSite(ResultSet rs, int row) throws SQLException {
        return new SitePrincipal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                rs.getString(4));
    }

    private ClientPrincipal mapClient(ResultSet rs, int row) throws SQLException {
        Array roles = rs.getArray(4);
        return new ClientPrincipal(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                Arrays.asList((String[]) roles.getArray()), rs.getString(5));
    }

}
