package io.dataforge.platform.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.amqp.AmqpException;
import org.springframework.amqp.core.AmqpAdmin;
import org.springframework.amqp.core.QueueInformation;
import org.springframework.stereotype.Component;

/**
 * {@code dataforge.queue.messages{queue}} and {@code dataforge.queue.consumers{queue}}:
 * every worker queue and its dead-letter queue as the broker counts them, so every
 * replica reports the same figures (dashboards take the max). Read by the timer route
 * {@code platform.queue-depths} rather than at scrape time, so a scrape never waits on an
 * unreachable broker; while it is unreachable the gauges are empty, not stale.
 */
@Component
class QueueDepths implements Processor {

    private final Set<String> queues = ConcurrentHashMap.newKeySet();

    private final AmqpAdmin admin;

    private final MultiGauge messages;

    private final MultiGauge consumers;

    QueueDepths(AmqpAdmin admin, MeterRegistry meters) {
        this.admin = admin;
        this.messages = MultiGauge.builder("dataforge.queue.messages")
            .description("messages ready in the queue")
            .register(meters);
        this.consumers = MultiGauge.builder("dataforge.queue.consumers")
            .description("consumers on the queue, over every replica")
            .register(meters);
    }

    /** A queue a route consumes: its depth is reported from the next refresh on. */
    void watch(String queue) {
        queues.add(queue);
    }

    @Override
    public void process(Exchange exchange) {
        List<MultiGauge.Row<?>> depth = new ArrayList<>();
        List<MultiGauge.Row<?>> consuming = new ArrayList<>();
        try {
            for (String queue : new TreeSet<>(queues)) {
                QueueInformation info = admin.getQueueInfo(queue);
                if (info != null) {
                    depth.add(MultiGauge.Row.of(Tags.of("queue", queue), info.getMessageCount()));
                    consuming.add(MultiGauge.Row.of(Tags.of("queue", queue), info.getConsumerCount()));
                }
            }
        }
        catch (AmqpException e) {
            depth.clear();
            consuming.clear();
            throw e;
        }
        finally {
            messages.register(depth, true);
            consumers.register(consuming, true);
        }
    }

}
