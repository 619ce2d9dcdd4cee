package io.dataforge.identity;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.Exchange;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Every admin change: who, what, on which target, when (never a secret). */
@Component
public class AdminAudit {

    private final JdbcTemplate jdbc;

    private final ObjectMapper mapper;

    AdminAudit(JdbcTemplate jdbc, ObjectMapper mapper) {
        this.jdbc = jdbc;
        this.mapper = mapper;
    }

    public void record(Exchange exchange, String action, String targetType, Object targetId, Map<String, ?> details) {
        record(Caller.of(exchange).subject(), action, targetType, targetId, details);
    }

    /** As above, for work no request carries (a command run by an operator). */
    public void record(String actor, String action, String targetType, Object targetId, Map<String, ?> details) {
        try {
            jdbc.update(
                    "INSERT INTO admin_audit (actor, action, target_type, target_id, details) VALUES (?, ?, ?, ?, ?::jsonb)",
                    actor, action, targetType, String.valueOf(targetId), mapper.writeValueAsString(details));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
