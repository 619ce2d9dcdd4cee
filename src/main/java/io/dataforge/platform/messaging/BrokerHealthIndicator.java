package io.dataforge.platform.messaging;

import org.springframework.amqp.rabbit.connection.Connection;
import org.springframework.amqp.rabbit.connection.ConnectionFactory;
import org.springframework.boot.actuate.health.AbstractHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.stereotype.Component;

/** {@code broker}: opens (or reuses) the AMQP connection and a channel on it. */
@Component("broker")
class BrokerHealthIndicator extends AbstractHealthIndicator {

    private final ConnectionFactory connectionFactory;

    BrokerHealthIndicator(ConnectionFactory connectionFactory) {
        super("AMQP broker unavailable");
        this.connectionFactory = connectionFactory;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) throws Exception {
        try (Connection connection = connectionFactory.createConnection()) {
            var channel = connection.createChannel(false);
            try {
                builder.up()
                    .withDetail("host", connectionFactory.getHost() + ":" + connectionFactory.getPort())
                    .withDetail("virtualHost", connectionFactory.getVirtualHost());
            }
            finally {
                channel.close();
            }
        }
    }

}
