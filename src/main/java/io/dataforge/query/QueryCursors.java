package io.dataforge.query;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.dataforge.identity.PayloadSigner;
import io.dataforge.platform.web.ApiException;
import io.dataforge.query.sql.Keyset;
import io.dataforge.query.sql.QuerySpec;
import org.springframework.stereotype.Component;

/**
 * Keyset cursors: the last row's sort values and row id, bound to the query they came
 * from (dataset, tenant, select, filter and sort) and signed, so a cursor can be neither
 * forged nor replayed on another query (400).
 */
@Component
class QueryCursors {

    private static final String PURPOSE = "query-cursor";

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final PayloadSigner signer;

    private final ObjectMapper json;

    QueryCursors(PayloadSigner signer, ObjectMapper json) {
        this.signer = signer;
        this.json = json;
    }

    String next(QuerySpec spec, UUID tenant, List<Object> sortValues, Object rowId) {
        ObjectNode payload = json.createObjectNode()
            .put("q", fingerprint(spec, tenant))
            .put("r", ((Number) rowId).longValue());
        ArrayNode values = payload.putArray("v");
        sortValues.forEach(value -> {
            if (value == null) {
                values.addNull();
            }
            else {
                values.add(value instanceof JsonNode node ? node.toString() : value.toString());
            }
        });
        String text = ENCODER.encodeToString(payload.toString().getBytes(StandardCharsets.UTF_8));
        return text + "." + signer.sign(PURPOSE, text);
    }

    Keyset read(String cursor, QuerySpec spec, UUID tenant) {
        int dot = cursor.indexOf('.');
        if (dot < 0 || !signer.verify(PURPOSE, cursor.substring(0, dot), cursor.substring(dot + 1))) {
            throw invalid();
        }
        try {
            JsonNode payload = json.readTree(Base64.getUrlDecoder().decode(cursor.substring(0, dot)));
            if (!fingerprint(spec, tenant).equals(payload.path("q").asText())
                    || payload.path("v").size() != spec.sort().size()) {
                throw invalid();
            }
            List<String> values = new ArrayList<>();
            payload.path("v").forEach(value -> values.add(value.isNull() ? null : value.asText()));
            return new Keyset(values, payload.path("r").asLong());
        }
        catch (java.io.IOException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    private static String fingerprint(QuerySpec spec, UUID tenant) {
        String query = String.join("|", spec.dataset(), tenant.toString(), String.valueOf(spec.select()),
                String.valueOf(spec.filter()), String.valueOf(spec.sort()));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            return ENCODER.encodeToString(hash).substring(0, 22);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException invalid() {
        return new ApiException(400, "page.after is not a cursor this query handed out", "INVALID_CURSOR", null);
    }

}
