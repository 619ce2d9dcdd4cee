package io.dataforge.platform.messaging;

import java.util.Map;

import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Publishes domain events ({@code batch.completed}, {@code export.succeeded}...) as JSON
 * to the events topic exchange. Inside a transaction the event leaves only after the
 * commit, so no event ever names a row that was rolled back.
 */
@Component
public class DomainEvents {

    static final String ROUTE = "direct:platform.events";

    private final ProducerTemplate producer;

    DomainEvents(ProducerTemplate producer) {
        this.producer = producer;
    }

    public void publish(String eventType, Object payload) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    send(eventType, payload);
                }
            });
        }
        else {
            send(eventType, payload);
        }
    }

    private void send(String eventType, Object payload) {
        producer.sendBodyAndHeaders(ROUTE, payload, Map.of("eventType", eventType));
    }

}
