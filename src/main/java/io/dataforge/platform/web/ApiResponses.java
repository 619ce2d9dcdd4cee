package io.dataforge.platform.web;

import org.apache.camel.model.rest.RestDefinition;
import org.springframework.http.HttpStatus;

/**
 * The answers a REST verb declares in the OpenAPI document: its success, and every error
 * status it can give with the standard error body ({@link ErrorBody}) as their schema.
 * Called on the verb being defined, before its {@code to(...)}.
 */
public final class ApiResponses {

    private ApiResponses() {
    }

    /**
     * Declares {@code success} (with what it carries) and each of {@code errors} on the
     * current verb of {@code rest}.
     */
    public static RestDefinition answers(RestDefinition rest, int success, String what, int... errors) {
        rest.responseMessage().code(success).message(what).endResponseMessage();
        for (int error : errors) {
            rest.responseMessage()
                .code(error)
                .message(HttpStatus.valueOf(error).getReasonPhrase())
                .responseModel(ErrorBody.class)
                .endResponseMessage();
        }
        return rest;
    }

}
