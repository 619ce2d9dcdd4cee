package io.dataforge.privacy;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import javax.sql.DataSource;

import io.dataforge.identity.Accounts;
import io.dataforge.identity.AdminAudit;
import io.dataforge.platform.database.AdvisoryLocks;
import io.dataforge.platform.tenancy.TenantPurger;
import io.dataforge.platform.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Purges a soft-deleted account: every capability's {@link TenantPurger} in order, one
 * chunk per transaction, the purge's counts written in the chunk's own transaction, so a
 * purge killed at any point resumes with exact counts of what it deleted from the
 * database (objects deleted just before a kill are not counted again). One process runs a
 * purge at a time: it holds the session lock {@code purge:<id>} while it runs, which the
 * database lets go when that process dies.
 */
@Component
class TenantPurges {

    private static final Logger log = LoggerFactory.getLogger(TenantPurges.class);

    private final List<TenantPurger> purgers;

    private final PurgeRepository purges;

    private final Accounts accounts;

    private final AdminAudit audit;

    private final TransactionTemplate tx;

    private final DataSource dataSource;

    private final PrivacyProperties props;

    TenantPurges(List<TenantPurger> purgers, PurgeRepository purges, Accounts accounts, AdminAudit audit,
            TransactionTemplate tx, DataSource dataSource, PrivacyProperties props) {
        this.purgers = purgers.stream().sorted(Comparator.comparingInt(TenantPurger::order)).toList();
        this.purges = purges;
        this.accounts = accounts;
        this.audit = audit;
        this.tx = tx;
        this.dataSource = dataSource;
        this.props = props;
    }

    /**
     * The account's purge: a new one, the one running, or (once the account is gone) the
     * one that purged it. 409 for a live account, 404 for one never known.
     */
    Purge order(UUID account, String via, String actor) {
        if (!purgeable(account)) {
            return purges.latest(account).orElseThrow(() -> notFound(account));
        }
        Purge purge = purges.running(account, via, actor);
        audit.record(actor, "account.purge", "account", account, Map.of("purgeId", purge.id(), "via", via));
        return purge;
    }

    PurgePreview preview(UUID account) {
        if (!purgeable(account)) {
            throw notFound(account);
        }
        Map<String, Long> counts = new TreeMap<>();
        purgers.forEach(purger -> purger.count(account).forEach((kind, n) -> counts.merge(kind, n, Long::sum)));
        return new PurgePreview(account, counts);
    }

    /**
     * Runs the purge to its end, unless another process is running it: false then. A
     * fault is recorded on the purge (retried later when it was ordered over the API) and
     * thrown.
     */
    boolean run(UUID id) {
        String lock = "purge:" + id;
        try (Connection session = dataSource.getConnection()) {
            if (!AdvisoryLocks.tryLockForSession(session, lock)) {
                return false;
            }
            try {
                runLocked(purges.find(id).orElseThrow());
                return true;
            }
            catch (RuntimeException e) {
                purges.failed(id, String.valueOf(e.getMessage()), props.purgeRetry());
                throw e;
            }
            finally {
                AdvisoryLocks.unlockSession(session, lock);
            }
        }
        catch (SQLException e) {
            throw new IllegalStateException("Purge " + id + " could not take its lock: " + e.getMessage(), e);
        }
    }

    /** What the scheduler runs: purges ordered over the API that no one is running. */
    void runWaiting() {
        for (UUID id : purges.waiting()) {
            try {
                if (run(id)) {
                    log.info("Purge {} completed", id);
                }
            }
            catch (RuntimeException e) {
                log.warn("Purge {} met a fault and will be tried again: {}", id, e.getMessage());
            }
        }
    }

    Purge find(UUID id) {
        return purges.find(id).orElseThrow(() -> new ApiException(404, "No purge " + id));
    }

    Purge latest(UUID account) {
        return purges.latest(account).orElseThrow(() -> new ApiException(404, "No purge of account " + account));
    }

    private void runLocked(Purge purge) {
        if (purge.completed()) {
            return;
        }
        Map<String, Long> totals = new TreeMap<>(purge.counts());
        for (TenantPurger purger : purgers) {
            boolean more = true;
            while (more) {
                Map<String, Long> before = totals;
                Map<String, Long> after = tx.execute(status -> {
                    Map<String, Long> chunk = purger.purgeSome(purge.accountId(), props.purgeChunk());
                    Map<String, Long> sum = new TreeMap<>(before);
                    chunk.forEach((kind, n) -> sum.merge(kind, n, Long::sum));
                    purges.counted(purge.id(), sum);
                    return chunk.values().stream().allMatch(n -> n == 0) ? null : sum;
                });
                more = after != null;
                totals = more ? after : totals;
            }
        }
        purges.completed(purge.id());
        audit.record(purge.requestedBy(), "account.purged", "account", purge.accountId(), new LinkedHashMap<>(totals));
        log.info("Purged account {}: {}", purge.accountId(), totals);
    }

    /** A soft-deleted account; throws 409 for a live one. */
    private boolean purgeable(UUID account) {
        if (accounts.live(account)) {
            throw new ApiException(409, "Account " + account + " is active: delete it (DELETE /admin/accounts/"
                    + account + ") before purging it", "ACCOUNT_ACTIVE", null);
        }
        return accounts.exists(account);
    }

    private static ApiException notFound(UUID account) {
        return new ApiException(404, "No account " + account);
    }

}
