package io.dataforge.watch.scan;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.dataforge.platform.database.AdvisoryLocks;
import io.dataforge.platform.storage.ObjectStore;
import io.dataforge.watch.WatchProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * One instance at a time watches a folder: a PostgreSQL session advisory lock keyed on
 * the destination (bucket and prefix), held on a connection of its own. The database
 * drops the lock when that session ends, so a killed instance frees it at once and
 * another (or its restart) takes over.
 */
@Component
class WatchLeadership implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(WatchLeadership.class);

    private final DataSource dataSource;

    private final String lockName;

    private Connection session;

    @Autowired
    WatchLeadership(DataSource dataSource, ObjectStore store, WatchProperties props) {
        this(dataSource, "dataforge.watch:" + store.bucket() + "/" + props.s3Prefix());
    }

    WatchLeadership(DataSource dataSource, String lockName) {
        this.dataSource = dataSource;
        this.lockName = lockName;
    }

    /**
     * True while this instance holds the lock; {@code onGain} runs once each time it is
     * newly taken.
     */
    synchronized boolean hold(Runnable onGain) {
        if (session != null) {
            if (valid()) {
                return true;
            }
            log.warn("Lost the watch lock (database session ended); will try to take it again");
            close();
        }
        Connection candidate = null;
        try {
            candidate = dataSource.getConnection();
            if (AdvisoryLocks.tryLockForSession(candidate, lockName)) {
                session = candidate;
                log.info("Took the watch lock {}", lockName);
                onGain.run();
                return true;
            }
            candidate.close();
        }
        catch (SQLException e) {
            log.warn("Cannot take the watch lock: {}", e.getMessage());
            if (candidate != null && candidate != session) {
                closeQuietly(candidate); // else a broken candidate never returns to the
                                         // pool
            }
            close();
        }
        catch (RuntimeException e) {
            // recovery failed (storage or database down): give the lock back and try
            // again at the next poll
            log.warn("Watch recovery failed, will retry: {}", e.getMessage());
            close();
        }
        return false;
    }

    synchronized boolean isLeader() {
        return session != null;
    }

    @Override
    public synchronized void destroy() {
        close();
    }

    private boolean valid() {
        try {
            return session.isValid(5);
        }
        catch (SQLException e) {
            return false;
        }
    }

    /**
     * The connection goes back to the pool, so the lock is released first, not left on a
     * pooled session.
     */
    private void close() {
        if (session != null) {
            try {
                AdvisoryLocks.unlockSession(session, lockName);
            }
            catch (SQLException e) {
                // a broken session holds no lock any more
            }
            closeQuietly(session);
            session = null;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        }
        catch (SQLException e) {
            // the session is gone either way, and with it any lock it held
        }
    }

}
