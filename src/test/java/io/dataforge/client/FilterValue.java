package io.dataforge.client;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A query filter's value in the generated client: a text, number or boolean, or a list of
 * them for {@code in} and {@code between}. The document says so with a oneOf that holds
 * an array, which openapi-generator's java templates cannot write
 * ({@code List<X>.class}), so the build maps that schema here (schemaMappings in the
 * pom), as an integrator would.
 */
public final class FilterValue {

    private final Object value;

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public FilterValue(Object value) {
        this.value = value;
    }

    public static FilterValue of(Object value) {
        return new FilterValue(value);
    }

    @JsonValue
    public Object value() {
        return value;
    }

    /** Filters travel in JSON bodies only; the generated models ask for this anyway. */
    public String toUrlQueryString(String prefix) {
        throw new UnsupportedOperationException("a query filter is sent as JSON");
    }

}
