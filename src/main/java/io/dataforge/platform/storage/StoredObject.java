package io.dataforge.platform.storage;

import java.time.Instant;
import java.util.Map;

/** What the store knows of one object. */
public record StoredObject(String key, long size, String contentType, Instant lastModified,
        Map<String, String> metadata) {
}
