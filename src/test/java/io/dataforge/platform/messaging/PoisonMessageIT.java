package io.dataforge.platform.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.dataforge.IntegrationTest;
import io.dataforge.TestHttp;
import io.dataforge.platform.camel.CamelProperties;
import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.web.ApiException;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.springframework.amqp.core.Message;
import org.apache.camel.component.springrabbit.SpringRabbitMQComponent;
import org.springframework.amqp.rabbit.connection.CachingConnectionFactory;
import org.springframework.amqp.rabbit.core.RabbitAdmin;
import org.springframework.amqp.rabbit.core.RabbitTemplate;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A message its worker cannot process is redelivered, then recorded in dead_letters and
 * rejected into the queue's DLQ (a client error at once, with no redelivery): on the
 * embedded broker always, and on a real RabbitMQ when DATAFORGE_TEST_RABBITMQ_URI names
 * one (.ci/run sets it when RabbitMQ answers on 127.0.0.1:5672).
 */
@IntegrationTest
class PoisonMessageIT {

    private static final String EXCHANGE = "dataforge.test.work";

    @Autowired
    CamelContext camel;

    @Autowired
    WorkerQueues queues;

    @Autowired
    RabbitTemplate rabbit;

    @Autowired
    JdbcTemplate jdbc;

    @LocalServerPort
    int port;

    @Autowired
    CamelProperties camelProps;

    private final AtomicBoolean failing = new AtomicBoolean(true);

    private final AtomicInteger attempts = new AtomicInteger();

    private Function<String, RuntimeException> failure = body -> new IllegalArgumentException("poison: " + body);

    private final List<String> processed = new CopyOnWriteArrayList<>();

    private final List<String> routeIds = new CopyOnWriteArrayList<>();

    @AfterEach
    void removeTestRoutes() throws Exception {
        for (String id : routeIds) {
            camel.getRouteController().stopRoute(id);
            camel.removeRoute(id);
        }
    }

    @Test
    void poisonMessageEndsInItsDlqAndInDeadLetters() throws Exception {
        String queue = "dataforge.test.poison." + UUID.randomUUID();
        String routeId = startWorker(queues.consumer(EXCHANGE, queue, 1, 250));

        sendAndAwaitItsDeadLetter(queue, "cannot-parse-me");

        assertThat(rabbit.receive(queue, 200)).as("nothing left on the work queue").isNull();
        Map<String, Object> row = jdbc.queryForMap(
                "SELECT error_message, convert_from(body, 'UTF8') AS body FROM dead_letters WHERE route_id = ?",
                routeId);
        assertThat(row).containsEntry("error_message", "poison: cannot-parse-me")
            .containsEntry("body", "cannot-parse-me");
        assertThat(processed).isEmpty();
        assertThat(attempts.get()).as("the first try and its redeliveries")
            .isEqualTo(1 + camelProps.maximumRedeliveries());
    }

    @Test
    void aClientErrorGoesToTheDlqAtOnceWithoutRedelivery() throws Exception {
        failure = body -> new ApiException(404, "no dataset for " + body);
        String queue = "dataforge.test.client-error." + UUID.randomUUID();
        String routeId = startWorker(queues.consumer(EXCHANGE, queue, 1, 250));

        sendAndAwaitItsDeadLetter(queue, "order-for-a-deleted-dataset");

        assertThat(
                jdbc.queryForObject("SELECT error_message FROM dead_letters WHERE route_id = ?", String.class, routeId))
            .isEqualTo("no dataset for order-for-a-deleted-dataset");
        assertThat(attempts.get()).as("tried once, not redelivered").isEqualTo(1);
    }

    @Test
    void aClientErrorThatALaterAttemptCanPassIsRedelivered() throws Exception {
        failure = body -> new ApiException(429, "throttled: " + body);
        String queue = "dataforge.test.throttled." + UUID.randomUUID();
        startWorker(queues.consumer(EXCHANGE, queue, 1, 250));

        sendAndAwaitItsDeadLetter(queue, "order-18");

        assertThat(attempts.get()).isEqualTo(1 + camelProps.maximumRedeliveries());
    }

    @Test
    void aFailureThatOnlyWrapsAClientErrorIsRedelivered() throws Exception {
        failure = body -> new IllegalStateException("could not pass it on", new ApiException(401, "refused: " + body));
        String queue = "dataforge.test.wrapped." + UUID.randomUUID();
        startWorker(queues.consumer(EXCHANGE, queue, 1, 250));

        sendAndAwaitItsDeadLetter(queue, "order-19");

        assertThat(attempts.get()).isEqualTo(1 + camelProps.maximumRedeliveries());
    }

    @Test
    void replayedDeadLetterIsProcessedOnceTheWorkerIsFixed() throws Exception {
        String queue = "dataforge.test.replay." + UUID.randomUUID();
        String routeId = startWorker(queues.consumer(EXCHANGE, queue, 1, 250));
        rabbit.convertAndSend(EXCHANGE, queue, "order-17");
        assertThat(rabbit.receive(queues.deadLetterQueue(queue), 30_000)).isNotNull();
        long id = jdbc.queryForObject("SELECT id FROM dead_letters WHERE route_id = ?", Long.class, routeId);

        TestHttp http = new TestHttp(port);
        Map<String, Object> listed = TestHttp
            .json(http.send(http.asAdmin("/admin/dead-letters?route=" + routeId).GET()));
        assertThat(listed).containsEntry("totalElements", 1);
        assertThat(listed.get("content").toString()).contains("order-17").contains("poison: order-17");

        failing.set(false);
        var response = http.send(http.asAdmin("/admin/dead-letters/" + id + "/replay")
            .POST(java.net.http.HttpRequest.BodyPublishers.noBody()));

        assertThat(response.statusCode()).isEqualTo(202);
        assertThat(TestHttp.json(response)).containsEntry("replayCount", 1);
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(processed).containsExactly("order-17"));
    }

    @Test
    @EnabledIfEnvironmentVariable(named = "DATAFORGE_TEST_RABBITMQ_URI", matches = ".+")
    void poisonMessageEndsInItsDlqOnRealRabbitMq() throws Exception {
        CachingConnectionFactory real = new CachingConnectionFactory(
                URI.create(System.getenv("DATAFORGE_TEST_RABBITMQ_URI")));
        try {
            RabbitTemplate realRabbit = new RabbitTemplate(real);
            // a component of its own, so that its queues are declared on RabbitMQ, not on
            // the embedded broker
            SpringRabbitMQComponent component = new SpringRabbitMQComponent();
            component.setConnectionFactory(real);
            component.setAmqpAdmin(new RabbitAdmin(real));
            if (camel.hasComponent("realrabbit") == null) {
                camel.addComponent("realrabbit", component);
            }
            String queue = "dataforge.test.poison." + UUID.randomUUID();
            String uri = queues.consumer(EXCHANGE, queue, 1, 250).replaceFirst("^spring-rabbitmq:", "realrabbit:");
            String routeId = startWorker(uri);

            realRabbit.convertAndSend(EXCHANGE, queue, "bad-on-rabbit");

            Message dead = realRabbit.receive(queues.deadLetterQueue(queue), 30_000);
            assertThat(dead).isNotNull();
            assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo("bad-on-rabbit");
            assertThat(jdbc.queryForObject("SELECT count(*) FROM dead_letters WHERE route_id = ?", Long.class, routeId))
                .isEqualTo(1);
            removeTestRoutes();
            routeIds.clear();
            realRabbit.execute(channel -> {
                channel.queueDelete(queue);
                channel.queueDelete(queues.deadLetterQueue(queue));
                return null;
            });
        }
        finally {
            real.destroy();
        }
    }

    /**
     * Sends {@code body} to the worker's queue and waits for it, the same bytes, in the
     * queue's DLQ.
     */
    private void sendAndAwaitItsDeadLetter(String queue, String body) {
        rabbit.convertAndSend(EXCHANGE, queue, body);
        Message dead = rabbit.receive(queues.deadLetterQueue(queue), 30_000);
        assertThat(dead).as("dead-lettered").isNotNull();
        assertThat(new String(dead.getBody(), StandardCharsets.UTF_8)).isEqualTo(body);
    }

    private String startWorker(String endpoint) throws Exception {
        String routeId = "test.worker." + UUID.randomUUID();
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from(endpoint).routeId(routeId)
                    .routeConfigurationId(ErrorHandlingRoutes.WORKER)
                    .convertBodyTo(String.class)
                    .process(exchange -> {
                        String body = exchange.getMessage().getBody(String.class);
                        if (failing.get()) {
                            attempts.incrementAndGet();
                            throw failure.apply(body);
                        }
                        processed.add(body);
                    });
            }
        });
        routeIds.add(routeId);
        return routeId;
    }

}
