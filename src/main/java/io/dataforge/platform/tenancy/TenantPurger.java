package io.dataforge.platform.tenancy;

import java.util.Map;
import java.util.UUID;

/**
 * One capability's share of purging a tenant: its rows and objects of that tenant, which
 * only it may name. The privacy capability runs every purger in {@link #order()}, one
 * chunk per transaction, until each reports nothing left; a purge killed half-way is run
 * again from the start and finds only what is left.
 */
public interface TenantPurger {

    /**
     * Lower runs first: a capability whose rows reference another's (a batch its site, an
     * upload its account) comes before it.
     */
    int order();

    /**
     * What a purge would delete now, per kind ({@code "uploads"}, {@code "rowErrors"}).
     */
    Map<String, Long> count(UUID tenant);

    /**
     * Deletes up to about {@code limit} rows or objects of the tenant, in the caller's
     * transaction, and says how many of each kind; nothing (or all zeros) once nothing is
     * left. Objects go before the rows that name them, so a rollback leaves rows whose
     * objects the next call finds gone.
     */
    Map<String, Long> purgeSome(UUID tenant, int limit);

}
