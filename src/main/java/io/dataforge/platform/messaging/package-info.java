/**
 * RabbitMQ wiring: the {@code dataforge.events} topic exchange, domain events published
 * after commit, durable worker-queue endpoints each with a fanout dead-letter exchange
 * and DLQ (same arguments on RabbitMQ and on the embedded Qpid), and the {@code broker}
 * health component.
 * <p>
 * In: events and work messages. Out: persistent AMQP messages. Bad message: the consuming
 * route's error handler records it in {@code dead_letters} and rejects it into
 * {@code <queue>.dlq}. Replay: from the admin dead-letter API.
 */
@NamedInterface("messaging")
package io.dataforge.platform.messaging;

import org.springframework.modulith.NamedInterface;
