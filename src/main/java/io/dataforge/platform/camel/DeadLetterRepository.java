package io.dataforge.platform.camel;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

@Repository
public class DeadLetterRepository {

    private static final String COLUMNS = "id, route_id, endpoint_uri, exchange_id, failed_at, error_type,"
            + " error_message, headers::text AS headers, body, body_truncated, replay_count, replayed_at";

    private final JdbcTemplate jdbc;

    DeadLetterRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    long insert(String routeId, String endpointUri, String exchangeId, String errorType, String errorMessage,
            String headersJson, byte[] body, boolean bodyTruncated) {
        return jdbc.queryForObject("""
                INSERT INTO dead_letters (route_id, endpoint_uri, exchange_id, error_type, error_message, headers,
                                          body, body_truncated)
                VALUES (?, ?, ?, ?, ?, ?::jsonb, ?, ?) RETURNING id""", Long.class, routeId, endpointUri, exchangeId,
                errorType, errorMessage, headersJson, body, bodyTruncated);
    }

    public List<DeadLetter> page(String routeId, int limit, long offset) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dead_letters WHERE (?::text IS NULL OR route_id = ?)"
                + " ORDER BY id DESC LIMIT ? OFFSET ?", this::map, routeId, routeId, limit, offset);
    }

    public long count(String routeId) {
        return jdbc.queryForObject("SELECT count(*) FROM dead_letters WHERE (?::text IS NULL OR route_id = ?)",
                Long.class, routeId, routeId);
    }

    public Optional<DeadLetter> find(long id) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dead_letters WHERE id = ?", this::map, id).stream().findFirst();
    }

    Optional<byte[]> body(long id) {
        return jdbc.query("SELECT body FROM dead_letters WHERE id = ?", (rs, n) -> rs.getBytes(1), id)
            .stream()
            .findFirst();
    }

    void markReplayed(long id) {
        jdbc.update("UPDATE dead_letters SET replay_count = replay_count + 1, replayed_at = now() WHERE id = ?", id);
    }

    private DeadLetter map(ResultSet rs, int row) throws SQLException {
        return new DeadLetter(rs.getLong("id"), rs.getString("route_id"), rs.getString("endpoint_uri"),
                rs.getString("exchange_id"), rs.getObject("failed_at", OffsetDateTime.class),
                rs.getString("error_type"), rs.getString("error_message"), rs.getString("headers"),
                textOrBase64(rs.getBytes("body")), rs.getBoolean("body_truncated"), rs.getInt("replay_count"),
                rs.getObject("replayed_at", OffsetDateTime.class));
    }

    private static String textOrBase64(byte[] body) {
        if (body == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(body)).toString();
        }
        catch (CharacterCodingException e) {
            return "base64:" + java.util.Base64.getEncoder().encodeToString(body);
        }
    }

}
