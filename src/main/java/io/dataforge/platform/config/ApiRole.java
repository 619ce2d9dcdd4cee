package io.dataforge.platform.config;

import org.apache.camel.CamelContext;
import org.apache.camel.model.ModelCamelContext;
import org.apache.camel.model.RouteDefinition;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * A replica without the {@code api} role starts none of the routes the REST DSL makes of
 * the verbs (nor the document's), so its HTTP port answers only the actuator and 404
 * elsewhere. One place for every capability: their REST routes need not know the role.
 */
@Component
class ApiRole implements CamelContextConfiguration {

    private final boolean held;

    ApiRole(Environment environment) {
        this.held = Roles.parse(environment.getProperty(Roles.PROPERTY)).contains(Roles.API);
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        if (held) {
            return;
        }
        for (RouteDefinition route : ((ModelCamelContext) camel).getRouteDefinitions()) {
            String from = route.getInput().getEndpointUri();
            if (from.startsWith("rest:") || from.startsWith("rest-api:")) {
                route.setAutoStartup("false");
            }
        }
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
    }

}
