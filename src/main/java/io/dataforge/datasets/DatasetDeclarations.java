package io.dataforge.datasets;

import static io.dataforge.datasets.DeclarationFields.bad;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

/**
 * Reads dataset declarations: the JSON body of {@code PUT /admin/datasets/{name}} and the
 * YAML files shipped under {@code datasets/}. Both are read as the same tree, checked
 * field by field here and for names and limits by {@link DeclarationRules}; anything
 * wrong is a 400 saying what and where.
 */
final class DatasetDeclarations {

    // a key given twice would otherwise silently keep the last value
    private static final ObjectMapper JSON = JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();

    private static final ObjectMapper YAML = YAMLMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .build();

    /**
     * version and the dates are the server's: a client may send a GET answer back
     * unchanged.
     */
    private static final Set<String> FIELDS = Set.of("name", "allowUnknownColumns", "columns", "indexes", "subject",
            "erasure", "version", "createdAt", "updatedAt");

    private DatasetDeclarations() {
    }

    /**
     * A PUT body; the name comes from the path, and a name in the body must be the same.
     */
    static Dataset fromJson(String pathName, String body) {
        DeclarationRules.checkName(pathName);
        JsonNode root;
        try {
            root = body == null ? null : JSON.readTree(body);
        }
        catch (JsonProcessingException e) {
            throw bad("Malformed JSON body: " + e.getOriginalMessage());
        }
        JsonNode named = root == null ? null : root.get("name");
        if (named != null && !named.isNull() && !pathName.equals(named.asText())) {
            throw bad("name in the body (" + DeclarationRules.shown(named.asText())
                    + ") differs from the name in the path ('" + pathName + "')");
        }
        return declaration(pathName, root);
    }

    /** A shipped declaration file, which names its dataset. */
    static Dataset fromYaml(InputStream yaml) throws IOException {
        JsonNode root = YAML.readTree(yaml);
        if (root == null || !root.isObject()) {
            throw bad("A dataset declaration must be a mapping with name and columns");
        }
        String name = DeclarationFields.text(root, "name", "");
        DeclarationRules.checkName(name);
        return declaration(name, root);
    }

    private static Dataset declaration(String name, JsonNode root) {
        if (root == null || !root.isObject()) {
            throw bad("A JSON object body is required: {columns: [...], indexes: [...], allowUnknownColumns}");
        }
        DeclarationFields.only(root, FIELDS, "");
        JsonNode columns = root.get("columns");
        if (columns == null || !columns.isArray() || columns.isEmpty()) {
            throw bad("columns is required: a list of at least one {name, type, required, pii}");
        }
        if (columns.size() > DeclarationRules.MAX_COLUMNS) {
            throw bad("At most " + DeclarationRules.MAX_COLUMNS + " columns may be declared");
        }
        List<DatasetColumn> declared = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            declared.add(ColumnDeclaration.read(columns.get(i), "columns[" + i + "]"));
        }
        String subject = DeclarationFields.optionalText(root, "subject", "");
        Dataset dataset = new Dataset(name, declared, DeclarationFields.flag(root, "allowUnknownColumns", ""),
                indexes(root.get("indexes")), subject, erasure(root, subject));
        DeclarationRules.check(dataset);
        return dataset;
    }

    /** Only with a subject: without one there is nothing to erase by. */
    private static Erasure erasure(JsonNode root, String subject) {
        String erasure = DeclarationFields.optionalText(root, "erasure", "");
        if (erasure == null) {
            return null;
        }
        if (subject == null) {
            throw bad("erasure applies to a dataset that declares a subject column; declare subject or leave erasure"
                    + " out");
        }
        try {
            return Erasure.named(erasure);
        }
        catch (IllegalArgumentException e) {
            throw bad("erasure " + DeclarationRules.shown(erasure) + " " + e.getMessage());
        }
    }

    private static List<List<String>> indexes(JsonNode node) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray() || node.size() > DeclarationRules.MAX_INDEXES) {
            throw bad("indexes must be a list of at most " + DeclarationRules.MAX_INDEXES + " column lists");
        }
        List<List<String>> indexes = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode index = node.get(i);
            if (!index.isArray()) {
                throw bad("indexes[" + i + "] must be a list of column names, e.g. [sale_date]");
            }
            List<String> columns = new ArrayList<>();
            for (JsonNode column : index) {
                if (!column.isTextual()) {
                    throw bad("indexes[" + i + "] must be a list of column names, e.g. [sale_date]");
                }
                columns.add(column.asText());
            }
            indexes.add(columns);
        }
        return indexes;
    }

}
