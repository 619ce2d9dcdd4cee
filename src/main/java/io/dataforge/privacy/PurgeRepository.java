package io.dataforge.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code purges} table. */
@Repository
class PurgeRepository {

    private static final String COLUMNS = "id, account_id, via, requested_by, requested_at, state, counts, attempts,"
            + " error, finished_at";

    private static final TypeReference<LinkedHashMap<String, Long>> COUNTS = new TypeReference<>() {
    };

    private final JdbcTemplate jdbc;

    private final ObjectMapper json;

    PurgeRepository(JdbcTemplate jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    Optional<Purge> find(UUID id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM purges WHERE id = ?", this::map, id).stream().findFirst();
    }

    /** The account's running purge, or else its latest one. */
    Optional<Purge> latest(UUID account) {
        return jdbc
            .query("SELECT " + COLUMNS + " FROM purges WHERE account_id = ? ORDER BY state = 'running' DESC,"
                    + " requested_at DESC LIMIT 1", this::map, account)
            .stream()
            .findFirst();
    }

    /**
     * A new running purge of the account, or the one already running (at most one is).
     */
    Purge running(UUID account, String via, String requestedBy) {
        jdbc.update(
                "INSERT INTO purges (id, account_id, via, requested_by, state) VALUES (?, ?, ?, ?, 'running')"
                        + " ON CONFLICT (account_id) WHERE state = 'running' DO NOTHING",
                UUID.randomUUID(), account, via, requestedBy);
        return latest(account).orElseThrow();
    }

    /** Purges ordered over the API, running and not waiting out a fault, oldest first. */
    List<UUID> waiting() {
        return jdbc.queryForList("SELECT id FROM purges WHERE state = 'running' AND via = 'api'"
                + " AND (retry_at IS NULL OR retry_at <= now()) ORDER BY requested_at", UUID.class);
    }

    /** The totals so far; in the transaction of the chunk that made them. */
    void counted(UUID id, Map<String, Long> totals) {
        jdbc.update("UPDATE purges SET counts = ?::jsonb, updated_at = now() WHERE id = ?", text(totals), id);
    }

    void completed(UUID id) {
        jdbc.update("UPDATE purges SET state = 'completed', error = NULL, retry_at = NULL, finished_at = now(),"
                + " updated_at = now() WHERE id = ?", id);
    }

    /** A fault: tried again after {@code pause}, doubled per attempt, at most an hour. */
    void failed(UUID id, String error, Duration pause) {
        jdbc.update("UPDATE purges SET attempts = attempts + 1, error = ?, updated_at = now(),"
                + " retry_at = now() + least(interval '1 hour', ? * power(2, least(attempts, 20)) * interval '1 millisecond')"
                + " WHERE id = ?", error, pause.toMillis(), id);
    }

    private Purge map(ResultSet rs, int row) throws SQLException {
        try {
            return new Purge(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                    rs.getString("via"), rs.getString("requested_by"),
                    rs.getObject("requested_at", OffsetDateTime.class), rs.getString("state"),
                    json.readValue(rs.getString("counts"), COUNTS), rs.getInt("attempts"), rs.getString("error"),
                    rs.getObject("finished_at", OffsetDateTime.class));
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String text(Map<String, Long> counts) {
        try {
            return json.writeValueAsString(counts);
        }
        catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

}
