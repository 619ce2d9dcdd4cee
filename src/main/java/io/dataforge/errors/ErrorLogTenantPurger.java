package io.dataforge.errors;

import java.util.Map;
import java.util.UUID;

import io.dataforge.platform.tenancy.TenantPurger;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** A purged tenant's error reports, in every monthly partition. */
@Component
class ErrorLogTenantPurger implements TenantPurger {

    private final JdbcTemplate jdbc;

    ErrorLogTenantPurger(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public Map<String, Long> count(UUID tenant) {
        return Map.of("errorLogs",
                jdbc.queryForObject("SELECT count(*) FROM error_logs WHERE account_id = ?", Long.class, tenant));
    }

    @Override
    public Map<String, Long> purgeSome(UUID tenant, int limit) {
        return Map.of("errorLogs",
                (long) jdbc.update(
                        "DELETE FROM error_logs WHERE (id, reported_at) IN"
                                + " (SELECT id, reported_at FROM error_logs WHERE account_id = ? LIMIT ?)",
                        tenant, limit));
    }

}
