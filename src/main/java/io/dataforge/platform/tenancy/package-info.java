/**
 * Tenancy: what every capability implements so that a tenant's data can be purged without
 * another capability naming its tables ({@link TenantPurger}).
 * <p>
 * In: a tenant id and a chunk size. Out: counts per kind. Replay: every purger deletes
 * only what is still there, so running a purge again after a crash finishes it.
 */
@NamedInterface("tenancy")
package io.dataforge.platform.tenancy;

import org.springframework.modulith.NamedInterface;
