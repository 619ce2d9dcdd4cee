package io.dataforge.platform.messaging;

import org.springframework.amqp.core.Declarables;
import org.springframework.amqp.core.Exchange;
import org.springframework.amqp.core.ExchangeBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class MessagingConfig {

    /**
     * Declared by Spring's RabbitAdmin on every (re)connection, so a fresh broker gets it
     * too.
     */
    @Bean
    Declarables eventsExchange(MessagingProperties props) {
        Exchange events = ExchangeBuilder.topicExchange(props.eventsExchange()).durable(true).build();
        return new Declarables(events);
    }

}
