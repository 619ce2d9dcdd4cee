/**
 * Shared Camel error handling: route configurations {@code platform.worker} (redelivery
 * with backoff, then record and propagate) and {@code platform.rest} (standard error
 * body), the {@code dead_letters} table, and the admin API to list and replay dead
 * letters.
 * <p>
 * In: failed exchanges. Out: rows in {@code dead_letters} (route, endpoint, error, simple
 * headers, body up to 1 MB when it is in memory). Replay: {@code POST
 * /api/v1/admin/dead-letters/{id}/replay} sends the body and headers to the endpoint the
 * exchange came from; a stream body is not recorded and must be replayed from its source.
 */
@NamedInterface("camel")
package io.dataforge.platform.camel;

import org.springframework.modulith.NamedInterface;
