package io.dataforge.platform.camel;

import io.dataforge.platform.web.ApiParams;
import io.dataforge.platform.web.ApiResponses;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.VerbDefinition;
import org.springframework.stereotype.Component;

/**
 * Admin view of {@code dead_letters}: list, inspect, replay into the endpoint the
 * exchange came from.
 */
@Component
class DeadLetterApiRoutes extends RouteBuilder {

    private final ListDeadLettersProcessor list;

    private final ReplayDeadLetterProcessor replay;

    DeadLetterApiRoutes(ListDeadLettersProcessor list, ReplayDeadLetterProcessor replay) {
        this.list = list;
        this.replay = replay;
    }

    @Override
    public void configure() {
        deadLetters("/admin/dead-letters", "", "", false);
        // the first round's paths, answering as before until clients have moved;
        // routes of their own, as a REST verb inlines the route it calls
        deadLetters("/api/v1/admin/dead-letters", "Deprecated", "-v1", true);
    }

    private void deadLetters(String path, String idSuffix, String routeSuffix, boolean deprecated) {
        RestDefinition rest = rest(path).tag("Dead letters")
            .description("Failures that exhausted their redeliveries (ADMIN)");
        ApiResponses.answers(rest.get(), 200, DeadLetter.Page.class, "A page of dead letters", 400, 401, 403)
            .id("listDeadLetters" + idSuffix)
            .description("Lists dead letters, newest first")
            .produces("application/json")
            .security("bearerAuth")
            .security("basicAuth");
        ApiParams.query(rest, "route", "string", null, "only dead letters of this route id");
        ApiParams.paging(rest).to("direct:platform.dead-letters.list" + routeSuffix);
        ApiResponses.answers(rest.get("/{id}"), 200, DeadLetter.class, "The dead letter", 400, 401, 403, 404)
            .id("getDeadLetter" + idSuffix)
            .description("One dead letter with its headers and body")
            .produces("application/json")
            .security("bearerAuth")
            .security("basicAuth")
            .to("direct:platform.dead-letters.get" + routeSuffix);
        ApiResponses
            .answers(rest.post("/{id}/replay"), 202, DeadLetter.class, "Sent again; the dead letter marked replayed",
                    400, 401, 403, 404, 409)
            .id("replayDeadLetter" + idSuffix)
            .description("Sends the recorded body and headers again to the endpoint it came from")
            .produces("application/json")
            .security("bearerAuth")
            .security("basicAuth")
            .to("direct:platform.dead-letters.replay" + routeSuffix);
        if (deprecated) {
            rest.getVerbs().forEach(VerbDefinition::deprecated);
        }

        from("direct:platform.dead-letters.list" + routeSuffix).routeId("platform.dead-letters.list" + routeSuffix)
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(list::page)
            .marshal()
            .json();
        from("direct:platform.dead-letters.get" + routeSuffix).routeId("platform.dead-letters.get" + routeSuffix)
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(list::one)
            .marshal()
            .json();
        from("direct:platform.dead-letters.replay" + routeSuffix).routeId("platform.dead-letters.replay" + routeSuffix)
            .routeConfigurationId(ErrorHandlingRoutes.REST)
            .process(replay)
            .marshal()
            .json();
    }

}
