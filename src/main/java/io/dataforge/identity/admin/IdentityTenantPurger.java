package io.dataforge.identity.admin;

import java.util.Map;
import java.util.UUID;

import io.dataforge.platform.tenancy.TenantPurger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Last of a purge: the tenant's API clients and sites with their failed-login counts,
 * then the account itself, only ever a soft-deleted one. Its admin audit rows stay: they
 * are the record of who did what, the purge's own included.
 */
@Component
class IdentityTenantPurger implements TenantPurger {

    private final JdbcTemplate jdbc;

    IdentityTenantPurger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 90;
    }

    @Override
    public Map<String, Long> count(UUID tenant) {
        return Map.of("apiClients", number("SELECT count(*) FROM api_clients WHERE account_id = ?", tenant), "sites",
                number("SELECT count(*) FROM sites WHERE account_id = ?", tenant), "accounts",
                number("SELECT count(*) FROM accounts WHERE id = ?", tenant));
    }

    /** A tenant has few sites and clients: all go in one chunk. */
    @Override
    public Map<String, Long> purgeSome(UUID tenant, int limit) {
        // the principals LoginThrottle counts failures under
        jdbc.update("DELETE FROM login_failures WHERE principal IN (SELECT 'site:' || lower(domain) FROM sites"
                + " WHERE account_id = ? UNION ALL SELECT 'client:' || client_id FROM api_clients WHERE account_id = ?)",
                tenant, tenant);
        long clients = jdbc.update("DELETE FROM api_clients WHERE account_id = ?", tenant);
        long sites = jdbc.update("DELETE FROM sites WHERE account_id = ?", tenant);
        long accounts = jdbc.update("DELETE FROM accounts WHERE id = ? AND deleted_at IS NOT NULL", tenant);
        return Map.of("apiClients", clients, "sites", sites, "accounts", accounts);
    }

    private long number(String sql, UUID tenant) {
        return jdbc.queryForObject(sql, Long.class, tenant);
    }

}
