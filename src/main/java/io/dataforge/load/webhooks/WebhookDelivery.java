package io.dataforge.load.webhooks;

import io.dataforge.load.LoadProperties;
import io.dataforge.platform.camel.DeliveryPolicy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How {@code load.webhook} delivers: a first attempt, then
 * {@code dataforge.load.webhooks.retries} more with doubling delays; after the last, the
 * upload shows its callback failed and a dead letter records it.
 */
@Configuration(proxyBeanMethods = false)
public class WebhookDelivery {

    public static final String ID = "load.webhook-delivery";

    @Bean
    DeliveryPolicy webhookDeliveryPolicy(LoadProperties props, MarkWebhookFailedProcessor markWebhookFailed) {
        return new DeliveryPolicy(ID, props.webhooks().retries(), props.webhooks().retryDelay(), markWebhookFailed);
    }

}
