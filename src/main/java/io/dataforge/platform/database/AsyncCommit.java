package io.dataforge.platform.database;

/**
 * For a statement that runs in its own transaction and whose row may be lost in a crash
 * of PostgreSQL itself (not of this application): progress counters, audit rows. Added as
 * a FROM item, it turns {@code synchronous_commit} off for that transaction only, so the
 * commit does not wait for the WAL flush. A load's progress update every 5,000 rows
 * otherwise waited behind the load's own WAL: most of the time the load thread spent
 * blocked, in a profile.
 */
public final class AsyncCommit {

    /**
     * {@code UPDATE t SET ... FROM } this {@code WHERE ...}, or
     * {@code INSERT ... SELECT ... FROM} this.
     */
    public static final String FROM_ITEM = "(SELECT set_config('synchronous_commit', 'off', true)) AS async";

    private AsyncCommit() {
    }

}
