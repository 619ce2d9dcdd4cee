package io.dataforge.identity;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.platform.database.HashChain;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Every admin change: who, what, on which target, when (never a secret). The rows are
 * hash-chained ({@link HashChain}, head {@code admin_audit_chain}): each one's hash
 * covers the previous one's, its seq and all of its content but the id.
 */
@Component
public class AdminAudit {

    // what each row's hash covers: the one definition, for the insert and the check
    private static final HashChain CHAIN = new HashChain("admin_audit", "admin_audit_chain",
            "jsonb_build_array(" + HashChain.micros("at") + ", actor, action, target_type, target_id, details)");

    // at is set here, not by the column's default, so that the hash covers what is stored
    private static final String INSERT = CHAIN.insert("at, actor, action, target_type, target_id, details",
            "now(), ?::text, ?::text, ?::text, ?::text, ?::jsonb");

    private final JdbcTemplate jdbc;

    private final ObjectMapper mapper;

    AdminAudit(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    /**
     * Writes one row into the chain. The chain's head stays locked until the caller's
     * transaction ends, so every other admin change waits for it: record last, or outside
     * a transaction.
     */
    public void record(Exchange exchange, String action, String targetType, Object targetId, Map<String, ?> details) {
        record(Caller.of(exchange).subject(), action, targetType, targetId, details);
    }

    /** As above, for work no request carries (a command run by an operator). */
    public void record(String actor, String action, String targetType, Object targetId, Map<String, ?> details) {
        try {
            int inserted = jdbc.update(INSERT, actor, action, targetType, String.valueOf(targetId),
                    mapper.writeValueAsString(details));
            if (inserted != 1) {
                throw new IllegalStateException("admin_audit_chain has no head: the audit row was not written");
            }
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Walks the chain of {@code admin_audit} in the database: its first broken link, if
     * any (the route {@code GET /admin/audit/verify} answers it).
     */
    public HashChain.Verdict verifyChain() {
        return CHAIN.verify(jdbc);
    }

}
