package io.dataforge.platform.web;

import io.dataforge.TestHttp;
import io.dataforge.platform.storage.ObjectStore;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Web ITs: the running application with {@link TestWebRoutes} added, and a client for it.
 */
abstract class WebRoutesTestBase {

    @Autowired
    CamelContext camel;

    @Autowired
    ObjectStore store;

    @LocalServerPort
    int port;

    TestHttp http;

    @BeforeEach
    void routesAndClient() throws Exception {
        TestWebRoutes.ensure(camel, store);
        http = new TestHttp(port);
    }

}
