package io.dataforge.datasets.subjects;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import io.dataforge.datasets.Dataset;
import io.dataforge.datasets.DatasetColumn;
import io.dataforge.datasets.Identifiers;

/**
 * A subject's rows in one dataset: the tenant and the value, bound as parameters of the
 * subject column's type. A value that is not of that type (not a UUID for a uuid column)
 * matches no row of that dataset, so it is never sent to the database to fail a cast.
 */
record SubjectMatch(Dataset dataset, DatasetColumn subject, UUID tenant, Object value) {

    private static final Pattern UUID_TEXT = Pattern
        .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    /** Empty for a dataset without subject, or when the value cannot be of its type. */
    static Optional<SubjectMatch> of(Dataset dataset, UUID tenant, String value) {
        return dataset.subjectColumn()
            .flatMap(column -> typed(column, value).map(typed -> new SubjectMatch(dataset, column, tenant, typed)));
    }

    /** {@code WHERE} tenant and subject, for the parameters of {@link #params}. */
    String where() {
        return " WHERE tenant_id = ? AND " + Identifiers.quote(subject.name()) + " = ?";
    }

    List<Object> params() {
        return List.of(tenant, value);
    }

    private static Optional<Object> typed(DatasetColumn column, String value) {
        try {
            return switch (column.type()) {
                case UUID ->
                    UUID_TEXT.matcher(value).matches() ? Optional.of(UUID.fromString(value)) : Optional.empty();
                case INTEGER -> Optional.of(Integer.parseInt(value));
                case BIGINT -> Optional.of(Long.parseLong(value));
                case TEXT -> Optional.of(value);
                default -> Optional.empty();
            };
        }
        catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

}
