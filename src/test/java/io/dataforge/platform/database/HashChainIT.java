package io.dataforge.platform.database;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.stream.IntStream;

import io.dataforge.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hash chain on a table of its own: writers of several replicas at once never fork it,
 * and each kind of tampering is named at the row where the chain breaks.
 */
@IntegrationTest
class HashChainIT {

    private static final int WRITERS = 8;

    private static final int ROWS_EACH = 40;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    String table;

    HashChain chain;

    String insert;

    @BeforeEach
    void tables() {
        table = "it_chain_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        jdbc.execute("CREATE TABLE " + table + " (id BIGSERIAL PRIMARY KEY, at TIMESTAMPTZ NOT NULL,"
                + " who TEXT NOT NULL, what TEXT, n BIGINT, details JSONB NOT NULL, seq BIGINT, hash TEXT)");
        jdbc.execute("CREATE TABLE " + table + "_head (id SMALLINT PRIMARY KEY CHECK (id = 1),"
                + " seq BIGINT NOT NULL, hash TEXT NOT NULL)");
        jdbc.update("INSERT INTO " + table + "_head VALUES (1, 0, ?)", HashChain.GENESIS);
        chain = new HashChain(table, table + "_head",
                "jsonb_build_array(" + HashChain.micros("at") + ", who, what, n, details)");
        insert = chain.insert("at, who, what, n, details", "now(), ?::text, ?::text, ?::bigint, ?::jsonb",
                AsyncCommit.FROM_ITEM);
    }

    @AfterEach
    void drop() {
        jdbc.execute("DROP TABLE " + table + ", " + table + "_head");
    }

    @Test
    void writersAtOnceMakeOneChainWithoutGaps() throws Exception {
        ExecutorService replicas = Executors.newFixedThreadPool(WRITERS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> runs = IntStream.range(0, WRITERS)
                .mapToObj(w -> CompletableFuture.runAsync(() -> {
                    awaitQuietly(start);
                    for (int i = 0; i < ROWS_EACH; i++) {
                        assertThat(write("writer-" + w, i % 3 == 0 ? null : "x" + i, i % 5 == 0 ? null : (long) i))
                            .isEqualTo(1);
                    }
                }, replicas))
                .toList();
            start.countDown();
            runs.forEach(CompletableFuture::join);
        }
        finally {
            replicas.shutdownNow();
        }

        HashChain.Verdict verdict = chain.verify(jdbc);
        assertThat(verdict.intact()).as(verdict.toString()).isTrue();
        assertThat(verdict.firstBroken()).isNull();
        assertThat(verdict.rows()).isEqualTo(WRITERS * ROWS_EACH);
        assertThat(verdict.firstSeq()).isEqualTo(1);
        assertThat(verdict.headSeq()).isEqualTo(WRITERS * ROWS_EACH);
        assertThat(verdict.headHash())
            .isEqualTo(jdbc.queryForObject("SELECT hash FROM " + table + " ORDER BY seq DESC LIMIT 1", String.class));
        assertThat(jdbc.queryForList("SELECT seq FROM " + table + " ORDER BY seq", Long.class))
            .isEqualTo(IntStream.rangeClosed(1, WRITERS * ROWS_EACH).mapToObj(Long::valueOf).toList());
    }

    @Test
    void anEmptyChainIsIntact() {
        HashChain.Verdict verdict = chain.verify(jdbc);
        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.rows()).isZero();
        assertThat(verdict.firstSeq()).isNull();
        assertThat(verdict.headSeq()).isZero();
        assertThat(verdict.headHash()).isEqualTo(HashChain.GENESIS);
    }

    @Test
    void theSessionsTimeZoneIsNotInTheHash() {
        inOneSession(session -> {
            session.execute("SET LOCAL TIME ZONE 'Pacific/Chatham'");
            session.execute("SET LOCAL extra_float_digits = 0");
            session.update(insert, "written far away", null, 1L, "{\"a\": 1.50, \"b\": [null, \"\"]}");
        });
        writeSome(2);
        inOneSession(session -> {
            session.execute("SET LOCAL TIME ZONE 'America/St_Johns'");
            HashChain.Verdict verdict = chain.verify(session);
            assertThat(verdict.intact()).as(verdict.toString()).isTrue();
            assertThat(verdict.rows()).isEqualTo(3);
        });
        assertThat(chain.verify(jdbc).intact()).isTrue();
    }

    @Test
    void aChangedFieldIsNamedAtItsRow() {
        writeSome(6);
        jdbc.execute("CREATE TABLE " + table + "_saved AS SELECT * FROM " + table);
        try {
            for (String change : List.of("who = who || '!'", "what = NULL", "what = ''", "n = n + 1", "n = NULL",
                    "at = at + interval '1 microsecond'", "details = details || '{\"k\": 2}'")) {
                assertThat(jdbc.update("UPDATE " + table + " SET " + change + " WHERE seq = 3")).isEqualTo(1);
                assertBroken(3, HashChain.HASH_MISMATCH);
                jdbc.update("UPDATE " + table + " AS t SET at = s.at, who = s.who, what = s.what, n = s.n,"
                        + " details = s.details FROM " + table + "_saved AS s WHERE t.seq = s.seq AND t.seq = 3");
                assertThat(chain.verify(jdbc).intact()).as("restored after " + change).isTrue();
            }
        }
        finally {
            jdbc.execute("DROP TABLE " + table + "_saved");
        }
    }

    @Test
    void theFirstRowIsCheckedAgainstTheGenesisHash() {
        writeSome(3);
        jdbc.update("UPDATE " + table + " SET who = 'someone else' WHERE seq = 1");
        assertBroken(1, HashChain.HASH_MISMATCH);
    }

    @Test
    void aRowRehashedBreaksTheNextLink() {
        writeSome(5);
        // whoever changes a row and hashes it again still breaks the link after it
        jdbc.update("UPDATE " + table + " SET who = 'forger', hash = encode(sha256('x'::bytea), 'hex') WHERE seq = 2");
        HashChain.BrokenLink broken = chain.verify(jdbc).firstBroken();
        assertThat(broken.seq()).isIn(2L, 3L);
        assertThat(broken.reason()).isEqualTo(HashChain.HASH_MISMATCH);
    }

    @Test
    void aDeletedRowIsNamedByTheRowAfterIt() {
        writeSome(5);
        jdbc.update("DELETE FROM " + table + " WHERE seq = 3");
        assertBroken(4, HashChain.ROW_MISSING_BEFORE);
    }

    @Test
    void deletedLastRowsOrAMovedHeadAreAHeadMismatch() {
        writeSome(5);
        jdbc.update("DELETE FROM " + table + " WHERE seq = 5");
        assertBroken(4, HashChain.HEAD_MISMATCH);

        jdbc.update("DELETE FROM " + table);
        HashChain.Verdict verdict = chain.verify(jdbc);
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBroken().reason()).isEqualTo(HashChain.HEAD_MISMATCH);
        assertThat(verdict.firstBroken().id()).as("no row left to name").isNull();
    }

    @Test
    void aRowAddedWithATakenSeqIsNamed() {
        writeSome(4);
        jdbc.update("INSERT INTO " + table + " (at, who, details, seq, hash) SELECT at, who, details, seq, hash FROM "
                + table + " WHERE seq = 2");
        HashChain.BrokenLink broken = chain.verify(jdbc).firstBroken();
        assertThat(broken.seq()).isEqualTo(2);
        assertThat(broken.reason()).isEqualTo(HashChain.SEQ_REPEATED);
    }

    @Test
    void rowsGoneFromTheStartLeaveTheFirstRowPresentAsTheAnchor() {
        writeSome(6);
        jdbc.update("DELETE FROM " + table + " WHERE seq <= 2"); // as a dropped partition
                                                                 // would
        HashChain.Verdict verdict = chain.verify(jdbc);
        assertThat(verdict.intact()).as(verdict.toString()).isTrue();
        assertThat(verdict.firstSeq()).isEqualTo(3);
        assertThat(verdict.rows()).isEqualTo(4);

        jdbc.update("UPDATE " + table + " SET who = 'changed' WHERE seq = 4");
        assertBroken(4, HashChain.HASH_MISMATCH);
    }

    @Test
    void rowsWithoutAHashAreNotLinksButThoseAfterTheAnchorAreCounted() {
        jdbc.update("INSERT INTO " + table + " (at, who, details) VALUES (now(), 'before the chain', '{}')");
        writeSome(3);
        jdbc.update("INSERT INTO " + table + " (at, who, details) VALUES (now(), 'an old replica', '{}')");
        HashChain.Verdict verdict = chain.verify(jdbc);
        assertThat(verdict.intact()).isTrue();
        assertThat(verdict.rows()).isEqualTo(3);
        assertThat(verdict.unchained()).isEqualTo(1);
    }

    @Test
    void withoutAHeadNoRowIsWrittenAndTheCheckSaysSo() {
        writeSome(2);
        jdbc.update("DELETE FROM " + table + "_head");
        assertThat(write("lost", null, null)).isZero();
        HashChain.Verdict verdict = chain.verify(jdbc);
        assertThat(verdict.headSeq()).isNull();
        assertThat(verdict.firstBroken().reason()).isEqualTo(HashChain.HEAD_MISMATCH);
        assertThat(verdict.firstBroken().seq()).isEqualTo(2);
    }

    private int write(String who, String what, Long n) {
        return jdbc.update(insert, who, what, n, "{\"k\": 1, \"who\": \"" + who + "\"}");
    }

    private void writeSome(int rows) {
        for (int i = 0; i < rows; i++) {
            assertThat(write("admin-" + i, i % 2 == 0 ? "x" : null, (long) i)).isEqualTo(1);
        }
    }

    /**
     * {@code work} in one transaction (on one connection), whose session settings it may
     * change for that transaction only ({@code SET LOCAL}).
     */
    private void inOneSession(Consumer<JdbcTemplate> work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.accept(jdbc));
    }

    private void assertBroken(long seq, String reason) {
        HashChain.Verdict verdict = chain.verify(jdbc);
        assertThat(verdict.intact()).isFalse();
        assertThat(verdict.firstBroken().seq()).as(verdict.toString()).isEqualTo(seq);
        assertThat(verdict.firstBroken().reason()).isEqualTo(reason);
        assertThat(verdict.firstBroken().id())
            .isEqualTo(jdbc.queryForObject("SELECT id FROM " + table + " WHERE seq = ? LIMIT 1", Long.class, seq));
    }

    private static void awaitQuietly(CountDownLatch start) {
        try {
            start.await();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
