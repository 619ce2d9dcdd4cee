package io.dataforge.platform.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.dataforge.RandomStream;
import io.dataforge.platform.camel.ErrorHandlingRoutes;
import io.dataforge.platform.storage.ObjectStore;
import org.apache.camel.CamelContext;
import org.apache.camel.builder.RouteBuilder;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/**
 * REST routes the web ITs add to the running context: the same building blocks an upload
 * capability uses (raw body and streaming multipart into the object store), and routes
 * that fail on purpose.
 */
final class TestWebRoutes extends RouteBuilder {

    private final ObjectStore store;

    private final ObjectMapper mapper = new ObjectMapper();

    private TestWebRoutes(ObjectStore store) {
        this.store = store;
    }

    static synchronized void ensure(CamelContext camel, ObjectStore store) throws Exception {
        if (camel.getRoute("test.raw") == null) {
            camel.addRoutes(new TestWebRoutes(store));
        }
    }

    @Override
    public void configure() {
        // the tests' own routes, not the API: kept out of the document
        rest("/api/v1/test").apiDocs(false)
            .post("/raw/{key}")
            .to("direct:test.raw")
            .post("/multipart/{key}")
            .to("direct:test.multipart")
            .post("/json")
            .consumes("application/json")
            .produces("application/json")
            .to("direct:test.json")
            .get("/bytes/{size}")
            .to("direct:test.bytes")
            .get("/boom")
            .to("direct:test.boom")
            .get("/no-connection")
            .to("direct:test.no-connection");

        from("direct:test.raw").routeId("test.raw").routeConfigurationId(ErrorHandlingRoutes.REST).process(exchange -> {
            String key = "it/http/" + exchange.getMessage().getHeader("key", String.class);
            long size = store.upload(key, RequestBodies.open(exchange),
                    exchange.getMessage().getHeader("Content-Type", String.class), Map.of());
            exchange.getMessage().setBody(mapper.writeValueAsString(Map.of("key", key, "size", size)));
        });

        from("direct:test.multipart").routeId("test.multipart")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(exchange -> {
                String prefix = "it/http/" + exchange.getMessage().getHeader("key", String.class) + "/";
                List<Map<String, Object>> parts = new CopyOnWriteArrayList<>();
                StreamingMultipart.forEachPart(exchange, 10, part -> {
                    Map<String, Object> seen = new LinkedHashMap<>();
                    seen.put("field", part.fieldName());
                    if (part.isFormField()) {
                        seen.put("value", new String(part.content().readAllBytes()));
                    }
                    else {
                        seen.put("key", prefix + part.fileName());
                        seen.put("size",
                                store.upload(prefix + part.fileName(), part.content(), part.contentType(), Map.of()));
                    }
                    parts.add(seen);
                });
                exchange.getMessage().setBody(mapper.writeValueAsString(Map.of("parts", parts)));
            });

        from("direct:test.json").routeId("test.json")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .unmarshal()
            .json(Map.class)
            .marshal()
            .json();

        from("direct:test.bytes").routeId("test.bytes")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(exchange -> exchange.getMessage()
                .setBody(new RandomStream(5, exchange.getMessage().getHeader("size", Long.class))));

        from("direct:test.boom").routeId("test.boom")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .throwException(new IllegalStateException("secret internal detail"));
        from("direct:test.no-connection").routeId("test.no-connection")
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .throwException(new CannotGetJdbcConnectionException("pool exhausted",
                    new java.sql.SQLTransientConnectionException("HikariPool-1 - Connection is not available")));
    }

}
