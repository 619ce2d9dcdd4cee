package io.dataforge.load.copy;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;

import io.dataforge.datasets.Dataset;
import io.dataforge.datasets.DatasetColumn;
import io.dataforge.datasets.Identifiers;

/**
 * Which CSV column feeds which dataset column. Header names match column names ignoring
 * case and surrounding spaces. Every required column must be in the header; a header
 * column the dataset does not declare is refused unless the dataset allows unknown
 * columns (then it is ignored); declared columns missing from the header load as null.
 */
public record ColumnMapping(List<DatasetColumn> columns, int[] sources, int headerWidth) {

    public static ColumnMapping of(Dataset dataset, List<String> header) throws LoadRejectedException {
        Map<String, Integer> positions = new HashMap<>();
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            if (dataset.column(name).isEmpty()) {
                unknown.add(header.get(i));
            }
            else if (positions.putIfAbsent(name, i) != null) {
                throw new LoadRejectedException("the header names column '" + name + "' twice");
            }
        }
        if (!unknown.isEmpty() && !dataset.allowUnknownColumns()) {
            throw new LoadRejectedException("the header has columns dataset " + dataset.name() + " does not declare: "
                    + String.join(", ", unknown));
        }
        List<String> missing = dataset.columns()
            .stream()
            .filter(c -> c.required() && !positions.containsKey(c.name()))
            .map(DatasetColumn::name)
            .toList();
        if (!missing.isEmpty()) {
            throw new LoadRejectedException("the header lacks required columns of dataset " + dataset.name() + ": "
                    + String.join(", ", missing));
        }
        List<DatasetColumn> loaded = dataset.columns().stream().filter(c -> positions.containsKey(c.name())).toList();
        int[] sources = loaded.stream().mapToInt(c -> positions.get(c.name())).toArray();
        return new ColumnMapping(loaded, sources, header.size());
    }

    /** The COPY column list: tenant_id, upload_id, then the loaded columns, quoted. */
    String copyColumns() {
        StringJoiner joined = new StringJoiner(", ");
        joined.add("tenant_id").add("upload_id");
        columns.forEach(c -> joined.add(Identifiers.quote(c.name())));
        return joined.toString();
    }
}
