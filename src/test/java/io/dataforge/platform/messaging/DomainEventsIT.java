package io.dataforge.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;

import io.dataforge.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.amqp.core.BindingBuilder;
import org.springframework.amqp.core.Message;
import org.springframework.amqp.core.Queue;
import org.springframework.amqp.core.TopicExchange;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;

@IntegrationTest
class DomainEventsIT {

    @Autowired
    DomainEvents events;

    @Autowired
    RabbitAdmin admin;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    MessagingProperties props;

    @Test
    void publishedEventReachesAQueueBoundToItsType() {
        Queue queue = new Queue("dataforge.test.events." + UUID.randomUUID(), false);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(props.eventsExchange())).with("batch.*"));

        events.publish("batch.completed", Map.of("batchId", "b-1", "files", 3));

        Message message = rabbit.receive(queue.getName(), 10_000);
        assertThat(message).isNotNull();
        assertThat(message.getMessageProperties().getReceivedRoutingKey()).isEqualTo("batch.completed");
        assertThat(new String(message.getBody(), StandardCharsets.UTF_8)).contains("\"batchId\":\"b-1\"")
            .contains("\"files\":3");
    }

    @Test
    void eventOfAnotherTypeDoesNotReachTheQueue() {
        Queue queue = new Queue("dataforge.test.events." + UUID.randomUUID(), false);
        admin.declareQueue(queue);
        admin.declareBinding(BindingBuilder.bind(queue).to(new TopicExchange(props.eventsExchange())).with("export.*"));

        events.publish("batch.failed", Map.of("batchId", "b-2"));
        events.publish("export.succeeded", Map.of("jobId", "j-1"));

        Message message = rabbit.receive(queue.getName(), 10_000);
        assertThat(message.getMessageProperties().getReceivedRoutingKey()).isEqualTo("export.succeeded");
        assertThat(rabbit.receive(queue.getName(), 500)).isNull();
    }

}
