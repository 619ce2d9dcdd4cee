package io.dataforge.privacy;

import java.util.Map;
import java.util.UUID;

/** What a purge of the account would delete now (a dry run deletes nothing). */
public record PurgePreview(UUID accountId, Map<String, Long> counts) {
}
