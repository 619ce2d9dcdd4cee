package io.dataforge.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;

import org.junit.jupiter.api.Test;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** What can be checked without a server; the locks themselves are exercised by the ITs of their users. */
class AdvisoryLocksTest {

    private static final String HOSTILE_KEY = "dataforge.load:x')); SELECT pg_sleep(9); --";

    @Test
    void theKeyIsBoundAndHashedTo64BitsNeverSpliced() throws Exception {
        // given
        Connection connection = mock(Connection.class);
        PreparedStatement statement = mock(PreparedStatement.class);
        when(connection.prepareStatement(anyString())).thenReturn(statement);

        // when
        AdvisoryLocks.lockForTransaction(connection, HOSTILE_KEY);

        // then
        verify(connection).prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 0))");
        verify(statement).setString(1, HOSTILE_KEY);
    }
}
