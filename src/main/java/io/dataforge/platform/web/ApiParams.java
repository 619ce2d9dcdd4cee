package io.dataforge.platform.web;

import org.apache.camel.model.rest.RestDefinition;
import org.apache.camel.model.rest.RestParamType;

/**
 * Query parameters a REST verb declares in the OpenAPI document, so a client generator
 * and the contract test know them. Called on the verb being defined.
 */
public final class ApiParams {

    private ApiParams() {
    }

    /**
     * An optional query parameter of {@code type} (string, integer, boolean) with an
     * optional format.
     */
    public static RestDefinition query(RestDefinition rest, String name, String type, String format,
            String description) {
        return query(rest, name, type, format, description, null);
    }

    /** The same, with the value the API takes when the parameter is absent. */
    public static RestDefinition query(RestDefinition rest, String name, String type, String format, String description,
            String defaultValue) {
        var param = rest.param().name(name).type(RestParamType.query).required(false).dataType(type);
        if (format != null) {
            param.dataFormat(format);
        }
        if (defaultValue != null) {
            param.defaultValue(defaultValue);
        }
        return param.description(description).endParam();
    }

    /**
     * Marks the verb's body ({@code .type(...)}) optional: Camel makes a typed body
     * required otherwise.
     */
    public static RestDefinition optionalBody(RestDefinition rest, String description) {
        return rest.param().name("body").type(RestParamType.body).required(false).description(description).endParam();
    }

    /** An optional text query parameter that takes one of {@code values}. */
    public static RestDefinition oneOf(RestDefinition rest, String name, String description, String... values) {
        return rest.param()
            .name(name)
            .type(RestParamType.query)
            .required(false)
            .dataType("string")
            .allowableValues(values)
            .description(description)
            .endParam();
    }

    /**
     * {@code page} (from 0), {@code size} and {@code sort} ("field,asc|desc") as
     * {@link PageQuery} reads them.
     */
    public static RestDefinition paging(RestDefinition rest) {
        query(rest, "page", "integer", "int32", "page number, from 0", "0");
        query(rest, "size", "integer", "int32", "page size, 1 to " + PageQuery.MAX_SIZE, "20");
        return query(rest, "sort", "string", null, "field,asc|desc");
    }

}
