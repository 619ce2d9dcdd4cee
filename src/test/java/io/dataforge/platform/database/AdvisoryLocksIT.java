package io.dataforge.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;

import javax.sql.DataSource;

import io.dataforge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The one home of advisory locks, on the real database: keys are values, never SQL, and
 * each lock ends when it should.
 */
@IntegrationTest
class AdvisoryLocksIT {

    private static final String HOSTILE_KEY = "dataforge.load:x')); SELECT pg_sleep(9); --";

    @Autowired
    DataSource dataSource;

    @Test
    void aSessionLockKeepsOtherSessionsOutOfTheSameKeyOnlyUntilItIsGivenBack() throws Exception {
        try (Connection first = dataSource.getConnection(); Connection second = dataSource.getConnection()) {
            assertThat(AdvisoryLocks.tryLockForSession(first, HOSTILE_KEY)).isTrue();

            assertThat(AdvisoryLocks.tryLockForSession(second, HOSTILE_KEY)).as("same key, other session").isFalse();
            assertThat(AdvisoryLocks.tryLockForSession(second, HOSTILE_KEY + "-other")).as("other key").isTrue();
            assertThat(AdvisoryLocks.unlockSession(first, HOSTILE_KEY)).isTrue();
            assertThat(AdvisoryLocks.tryLockForSession(second, HOSTILE_KEY)).as("after it was given back").isTrue();
            assertThat(AdvisoryLocks.unlockSession(second, HOSTILE_KEY)).isTrue();
            assertThat(AdvisoryLocks.unlockSession(second, HOSTILE_KEY + "-other")).isTrue();
        }
    }

    @Test
    void aTransactionLockEndsWithItsTransaction() throws Exception {
        try (Connection tx = dataSource.getConnection(); Connection other = dataSource.getConnection()) {
            tx.setAutoCommit(false);
            AdvisoryLocks.lockForTransaction(tx, "advisory-it:tx");

            assertThat(AdvisoryLocks.tryLockForSession(other, "advisory-it:tx")).as("while the transaction runs")
                .isFalse();
            tx.commit();
            assertThat(AdvisoryLocks.tryLockForSession(other, "advisory-it:tx")).as("after commit").isTrue();
            AdvisoryLocks.unlockSession(other, "advisory-it:tx");
            tx.setAutoCommit(true);
        }
    }

}
