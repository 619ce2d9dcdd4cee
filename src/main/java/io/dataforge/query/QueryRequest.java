package io.dataforge.query;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A query over a dataset, the body of {@code POST /api/v1/query} and an export's
 * {@code queryDefinition}. Bean Validation checks its shape; the query parser checks the
 * rest (names, operators, limits, nesting) and refuses keys it does not know, which each
 * level collects in {@code unknown} (never part of the document).
 */
@Schema(name = "QueryRequest")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record QueryRequest(@NotBlank(message = "must be a non-empty string") String dataset,
        @ArraySchema(schema = @Schema(implementation = SelectForm.class)) @Size(max = 200,
                message = "may hold at most 200 items") List<@Valid Select> select,
        @Valid Filter filter, @Size(max = 50, message = "may hold at most 50 items") List<String> groupBy,
        @Size(max = 20, message = "may hold at most 20 items") List<@Valid Sort> sort, @Valid Page page,
        @Schema(nullable = true, description = "false skips the count: totalRows is then null") Boolean includeTotal,
        @Schema(nullable = true, description = "admins: the tenant whose rows to read") UUID tenantId,
        @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, Object> unknown) {

    /**
     * One output column: a column, or an aggregate ({@code fn}, over {@code column} or
     * all rows) named {@code alias} or {@code fn_column}. Also given as text:
     * {@code "store"}, {@code "count(*)"}, {@code "sum(amount)"}.
     */
    @Schema(name = "QuerySelect")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Select(@Schema(nullable = true, description = "a column, or * for count(*)") String column,
            @Schema(allowableValues = {
                    "count", "sum", "avg", "min", "max" }) String fn,
            @Schema(nullable = true) String alias,
            @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, Object> unknown) implements SelectForm{

        private static final Pattern AGGREGATE = Pattern.compile("(count|sum|avg|min|max)\\((\\*|[a-z][a-z0-9_]*)\\)");

        @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
        public Select {
        }

        /**
         * The text form: an aggregate such as {@code count(*)} in any case, or a column.
         */
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        public static Select of(String text) {
            Matcher aggregate = AGGREGATE.matcher(text.strip().toLowerCase(Locale.ROOT));
            if (aggregate.matches()) {
                String column = "*".equals(aggregate.group(2)) ? null : aggregate.group(2);
                return new Select(column, aggregate.group(1), null, null);
            }
            return new Select(text, null, null, null);
        }

    }

    /** What a select item is in the document: a text or a {@link Select}. */
    @Schema(name = "QuerySelectItem",
            description = "a column name, an aggregate as text (count(*), sum(amount)) or a QuerySelect",
            oneOf = { String.class, Select.class })
    interface SelectForm {

    }

    /** What a condition's value (or each value of a list) is in the document. */
    @Schema(name = "QueryValue", description = "a string, number or boolean",
            oneOf = { String.class, Number.class, Boolean.class })
    interface Scalar {

    }

    /**
     * A filter: a condition ({@code column}, {@code op}, {@code value}), or {@code and} /
     * {@code or} of filters, or {@code not} of one; one form per object.
     */
    @Schema(name = "QueryFilter")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Filter(
            // nullable: a client that starts every list empty must not send "and": []
            // with a condition
            @ArraySchema(arraySchema = @Schema(nullable = true)) List<@Valid Filter> and,
            @ArraySchema(arraySchema = @Schema(nullable = true)) List<@Valid Filter> or, @Valid Filter not,
            @Schema(nullable = true) String column, @Schema(allowableValues = {
                    "=", "<>", "<", "<=", ">", ">=", "in", "between", "like", "ilike", "isNull",
                    "isNotNull" }) String op,
            @Schema(description = "a string, number or boolean; a list of them for in (one or more) and between (two);"
                    + " none for isNull and isNotNull",
                    oneOf = { String.class, Number.class, Boolean.class, Scalar[].class }) Object value,
            @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, Object> unknown){
    }

    /** A sort key: a column (not an alias), ascending unless {@code desc}. */
    @Schema(name = "QuerySort")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Sort(String column, @Schema(allowableValues = {
            "asc", "desc" }) String direction,
            @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, Object> unknown){
    }

    /**
     * The page: {@code limit} rows (required by the query API, at most 5000) after
     * {@code offset} rows, or after the row a previous answer's {@code nextCursor} names
     * ({@code after}, query API only).
     */
    @Schema(name = "QueryPage")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Page(@JsonDeserialize(using = WholeNumber.class) @Schema(nullable = true) Long limit,
            @JsonDeserialize(using = WholeNumber.class) @Schema(nullable = true) Long offset,
            @Schema(nullable = true, description = "the nextCursor of the previous page") String after,
            @JsonAnySetter @JsonAnyGetter @Schema(hidden = true) Map<String, Object> unknown) {
    }

    /** A number written without a fraction: 10, not 10.0 or "10". */
    static final class WholeNumber extends StdDeserializer<Long> {

        WholeNumber() {
            super(Long.class);
        }

        @Override
        public Long deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
                return (Long) context.handleUnexpectedToken(Long.class, parser);
            }
            return parser.getLongValue();
        }

    }

}
