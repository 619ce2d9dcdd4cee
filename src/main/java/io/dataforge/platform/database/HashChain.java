package io.dataforge.platform.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table whose rows are hash-chained, so that changing or deleting a row shows. Each row
 * carries {@code seq} (1, 2, 3...) and {@code hash}, the SHA-256 (hex) of
 * {@code jsonb_build_array(previous row's hash, seq, content)::text} in UTF-8, where
 * {@code content} is a jsonb expression over the row's own columns given by the table's
 * owner (see {@link #micros} for timestamps). jsonb's text is canonical (no session
 * setting changes it, NULL is {@code null} and never {@code ""}, keys are sorted), so the
 * hash made at insert is the hash made again when verifying.
 * <p>
 * A one-row head table ({@code id SMALLINT PRIMARY KEY CHECK (id = 1), seq BIGINT,
 * hash TEXT}, seeded with id 1, seq 0 and {@link #GENESIS}) holds the last link; it is
 * updated by its key, an index lookup however many dead versions of the row wait for
 * vacuum (a scan of the table slowed every insert as they piled up under load).
 * {@link #insert} makes the one statement that moves the head and inserts the row: the
 * head's row lock orders writers, across replicas, until their transactions end, and
 * under READ COMMITTED a writer that waited re-reads the head it waited for, so the chain
 * never forks and seq has no gaps (a row rolled back takes its head move with it).
 * {@link #verify} makes PostgreSQL walk the chain and answer its first broken link. Table
 * names are the owner's constants: the SQL naming a table is written by the capability
 * that owns it.
 * <p>
 * The chain proves order and content from its first row present (the anchor) on: rows
 * before it may have gone with a dropped partition, so the anchor is trusted unless it is
 * seq 1, which is checked against {@link #GENESIS}. Whoever may write the tables may also
 * rewrite the chain from a row onwards, head included; the head's hash kept elsewhere
 * (the verification answers it) is what shows that.
 */
public final class HashChain {

    /**
     * The head's hash before the first row, as the migration that starts a chain seeds
     * it.
     */
    public static final String GENESIS = "0".repeat(64);

    // why a link is broken (BrokenLink.reason)

    public static final String HASH_MISMATCH = "hash mismatch";

    public static final String ROW_MISSING_BEFORE = "row missing before";

    public static final String SEQ_REPEATED = "seq repeated";

    public static final String HEAD_MISMATCH = "head mismatch";

    private final String table;

    private final String head;

    private final String content;

    /**
     * {@code table}'s rows (it has {@code id}, {@code at}, {@code seq BIGINT} and
     * {@code hash TEXT}) chained through the one-row {@code head} table; {@code content},
     * a jsonb expression over {@code table}'s columns (by their bare names, never
     * {@code seq} nor {@code hash}), is what each hash covers besides the link: every
     * column a reader relies on, typed as the column is.
     */
    public HashChain(String table, String head, String content) {
        this.table = table;
        this.head = head;
        this.content = content;
    }

    /**
     * A timestamptz column as epoch microseconds, for {@code content}: its exact value
     * whatever the session's time zone or date style.
     */
    public static String micros(String column) {
        return "(extract(epoch FROM " + column + ") * 1000000)::bigint";
    }

    /**
     * The statement that inserts one row and moves the head: {@code columns} (comma
     * separated, without seq and hash) take {@code values} (a select list, in the same
     * order, typed as the columns are: bind parameters cast, {@code now()} for a
     * timestamp the hash must cover exactly). {@code fromItems} are added to the final
     * SELECT's FROM ({@link AsyncCommit#FROM_ITEM}). It inserts no row if the head is
     * gone: check that it inserted one.
     */
    public String insert(String columns, String values, String... fromItems) {
        StringBuilder from = new StringBuilder(" FROM moved");
        for (String item : fromItems) {
            from.append(", ").append(item);
        }
        return "WITH entry (" + columns + ") AS (SELECT " + values + "), moved AS (UPDATE " + head + " SET seq = "
                + head + ".seq + 1, hash = " + hash(head + ".hash", head + ".seq + 1", content) + " FROM entry WHERE "
                + head + ".id = 1 RETURNING " + head + ".seq, " + head + ".hash, entry.*) INSERT INTO " + table + " ("
                + columns + ", seq, hash) SELECT " + columns + ", seq, hash" + from;
    }

    /**
     * Walks the chain in one statement, done by PostgreSQL (one snapshot: the head and
     * the rows as of one moment): the first row whose seq does not follow the one before,
     * or whose hash is not the hash of the one before, its seq and its content; else,
     * when the last row is not the head, that row. Rows without a hash (written before
     * the chain began) are not links.
     */
    public Verdict verify(JdbcTemplate jdbc) {
        return jdbc.queryForObject(verifySql(), (rs, n) -> verdict(rs));
    }

    String verifySql() {
        return "WITH links AS (SELECT id, seq, at, hash, lag(seq) OVER w AS prev_seq,"
                // the first row present is the anchor: trusted unless it is seq 1
                + " coalesce(lag(hash) OVER w, CASE WHEN seq = 1 THEN '" + GENESIS + "' END) AS prev_hash, " + content
                + " AS content FROM " + table + " WHERE hash IS NOT NULL WINDOW w AS (ORDER BY seq)),"
                + " checked AS (SELECT id, seq, at, hash, CASE WHEN seq = prev_seq THEN '" + SEQ_REPEATED + "'"
                + " WHEN seq > prev_seq + 1 THEN '" + ROW_MISSING_BEFORE + "'"
                + " WHEN prev_hash IS NOT NULL AND hash IS DISTINCT FROM " + hash("prev_hash", "seq", "content")
                + " THEN '" + HASH_MISMATCH + "' END AS reason FROM links),"
                + " tail AS (SELECT id, seq, at, hash FROM checked ORDER BY seq DESC NULLS LAST LIMIT 1)"
                + " SELECT (SELECT count(*) FROM checked) AS rows, (SELECT min(seq) FROM checked) AS first_seq,"
                + " head.seq AS head_seq, head.hash AS head_hash, (SELECT count(*) FROM " + table
                + " WHERE hash IS NULL AND id > (SELECT min(id) FROM checked)) AS unchained,"
                + " broken.id, broken.seq, broken.at, broken.reason" + " FROM (VALUES (1)) AS one (x) LEFT JOIN " + head
                + " AS head ON head.id = 1 LEFT JOIN LATERAL ("
                + "SELECT id, seq, at, reason FROM (SELECT id, seq, at, reason, 0 AS rank FROM checked"
                + " WHERE reason IS NOT NULL UNION ALL SELECT tail.id, tail.seq, tail.at, '" + HEAD_MISMATCH
                + "', 1 FROM (VALUES (1)) AS one (x) LEFT JOIN tail ON true"
                + " WHERE CASE WHEN tail.seq IS NULL THEN head.seq IS DISTINCT FROM 0"
                + " ELSE tail.seq IS DISTINCT FROM head.seq OR tail.hash IS DISTINCT FROM head.hash END)"
                + " AS candidates ORDER BY rank, seq NULLS LAST LIMIT 1) AS broken ON true";
    }

    /**
     * The hash of a row's link from its previous hash, seq and content (SQL expressions):
     * the one formula of both {@link #insert} and {@link #verify}.
     */
    private static String hash(String previous, String seq, String content) {
        return "encode(sha256(convert_to(jsonb_build_array(" + previous + ", " + seq + ", " + content
                + ")::text, 'UTF8')), 'hex')";
    }

    private Verdict verdict(ResultSet rs) throws SQLException {
        String reason = rs.getString("reason");
        BrokenLink broken = reason == null ? null : new BrokenLink(nullableLong(rs, "id"), nullableLong(rs, "seq"),
                instant(rs.getTimestamp("at")), reason);
        return new Verdict(table, rs.getLong("rows"), nullableLong(rs, "first_seq"), nullableLong(rs, "head_seq"),
                rs.getString("head_hash"), rs.getLong("unchained"), broken == null, broken);
    }

    private static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    private static Instant instant(Timestamp at) {
        return at == null ? null : at.toInstant();
    }

    /**
     * One chain's check: the rows checked, the first seq present (the anchor), the head
     * (its hash to keep elsewhere), rows without a hash written after the anchor (old
     * replicas during a rolling update write such rows; else they were added outside the
     * application), and the first broken link, if any.
     */
    @Schema(name = "HashChain", description = "One audit table's hash chain, as verified now")
    public record Verdict(@Schema(description = "the table") String table,
            @Schema(description = "rows in the chain, checked") long rows,
            @Schema(nullable = true,
                    description = "the first seq present (the anchor, trusted unless 1: older rows may have gone with a dropped partition)") Long firstSeq,
            @Schema(nullable = true, description = "the head's seq: the last row's, when intact") Long headSeq,
            @Schema(nullable = true,
                    description = "the head's hash: keep it elsewhere to show later that the chain up to here was not rewritten") String headHash,
            @Schema(description = "rows without a hash written after the anchor (by a replica of an earlier version, or outside the application)") long unchained,
            @Schema(description = "true when no link is broken") boolean intact,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Schema(
                    description = "the first broken link; absent when intact") BrokenLink firstBroken) {
    }

    /**
     * The first broken link: the row whose hash or seq does not follow from the one
     * before (for a head mismatch, the last row, absent when there is none).
     */
    @Schema(name = "HashChainBreak", description = "The first broken link of a hash chain")
    public record BrokenLink(@Schema(nullable = true, description = "the row's id") Long id,
            @Schema(nullable = true, description = "the row's seq") Long seq,
            @Schema(nullable = true, description = "the row's time") Instant at, @Schema(allowableValues = {
                    HASH_MISMATCH, ROW_MISSING_BEFORE, SEQ_REPEATED, HEAD_MISMATCH },
                    description = "hash mismatch: the row (or the one before) was changed; row missing before: rows"
                            + " were deleted before it; seq repeated: a row was added with a taken seq; head mismatch:"
                            + " the last rows were deleted, or the last row or the head rewritten") String reason){
    }

}
