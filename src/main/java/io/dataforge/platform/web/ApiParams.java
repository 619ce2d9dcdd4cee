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
        var param = rest.param().name(name).type(RestParamType.query).required(false).dataType(type);
        if (format != null) {
            param.dataFormat(format);
        }
        return param.description(description).endParam();
    }

    /**
     * {@code page} (from 0), {@code size} and {@code sort} ("field,asc|desc") as
     * {@link PageQuery} reads them.
     */
    public static RestDefinition paging(RestDefinition rest) {
        query(rest, "page", "integer", "int32", "page number, from 0");
        query(rest, "size", "integer", "int32", "page size");
        return query(rest, "sort", "string", null, "field,asc|desc");
    }

}
