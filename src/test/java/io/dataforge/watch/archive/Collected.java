package io.dataforge.watch.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A visitor that reads every leaf completely and keeps its bytes and entry, in visiting
 * order.
 */
final class Collected implements EntryVisitor {

    final Map<String, byte[]> contents = new LinkedHashMap<>();

    final Map<String, ArchiveEntry> entries = new LinkedHashMap<>();

    @Override
    public void visit(ArchiveEntry entry, InputStream content) throws IOException {
        contents.put(entry.path(), content.readAllBytes());
        entries.put(entry.path(), entry);
    }

    void assertExactly(Map<String, byte[]> expected) {
        assertThat(contents.keySet()).containsExactlyElementsOf(expected.keySet());
        expected.forEach((path, bytes) -> assertThat(contents.get(path)).as(path).isEqualTo(bytes));
    }

}
