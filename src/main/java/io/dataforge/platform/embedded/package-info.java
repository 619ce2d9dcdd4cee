/**
 * Real PostgreSQL, S3 (S3Proxy) and AMQP (Qpid Broker-J) servers started before the
 * Spring context for each part that has no connection configured.
 * <p>
 * In: the environment (connection settings, {@code dataforge.data-dir}). Out: connection
 * properties pointing at the started servers. Bad input: a server that cannot start fails
 * the application start and stops the servers already started. Replay: data directories
 * survive restarts; a PostgreSQL left running by a killed run is stopped and its data
 * reused.
 */
@NamedInterface("embedded")
package io.dataforge.platform.embedded;

import org.springframework.modulith.NamedInterface;
