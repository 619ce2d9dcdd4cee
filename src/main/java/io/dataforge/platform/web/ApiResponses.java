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
        return answers(rest, success, (String) null, what, errors);
    }

    /**
     * The same, with the success's JSON body: a record, or {@code X[]} by its class name
     * for an array of X.
     */
    public static RestDefinition answers(RestDefinition rest, int success, Class<?> body, String what, int... errors) {
        return answers(rest, success, body.getName(), what, errors);
    }

    /** The same, with an array of {@code item} as the success's body. */
    public static RestDefinition answersList(RestDefinition rest, int success, Class<?> item, String what,
            int... errors) {
        return answers(rest, success, item.getName() + "[]", what, errors);
    }

    /** A 302 whose {@code Location} is where the client goes next, and the errors. */
    public static RestDefinition redirects(RestDefinition rest, String where, int... errors) {
        rest.responseMessage()
            .code(302)
            .message("Found")
            .header("Location")
            .dataType("string")
            .description(where)
            .endHeader()
            .endResponseMessage();
        return errors(rest, errors);
    }

    private static RestDefinition answers(RestDefinition rest, int success, String body, String what, int... errors) {
        var message = rest.responseMessage().code(success).message(what);
        if (body != null) {
            message.setResponseModel(body);
        }
        message.endResponseMessage();
        return errors(rest, errors);
    }

    private static RestDefinition errors(RestDefinition rest, int... errors) {
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
