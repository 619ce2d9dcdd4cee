package io.dataforge.watch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;

/** Archives built in memory for the tests: entries in insertion order, name → bytes. */
final class TestArchives {

    private TestArchives() {
    }

    static Map<String, byte[]> entries(Object... nameThenBytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            Object content = nameThenBytes[i + 1];
            entries.put((String) nameThenBytes[i], content instanceof String s ? s.getBytes() : (byte[]) content);
        }
        return entries;
    }

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (var entry : entries.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] tar(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (var entry : entries.entrySet()) {
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.getKey());
                tarEntry.setSize(entry.getValue().length);
                tar.putArchiveEntry(tarEntry);
                tar.write(entry.getValue());
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static byte[] gzip(byte[] content) throws IOException {
        return compress(content, GzipCompressorOutputStream::new);
    }

    static byte[] bzip2(byte[] content) throws IOException {
        return compress(content, BZip2CompressorOutputStream::new);
    }

    static byte[] xz(byte[] content) throws IOException {
        return compress(content, XZCompressorOutputStream::new);
    }

    /** 7z needs random access to write: built in a file under target/, then read back. */
    static byte[] sevenZ(Map<String, byte[]> entries) throws IOException {
        Files.createDirectories(Path.of("target/archive-fixtures"));
        Path file = Files.createTempFile(Path.of("target/archive-fixtures"), "fixture", ".7z");
        try (SevenZOutputFile out = new SevenZOutputFile(file.toFile())) {
            for (var entry : entries.entrySet()) {
                SevenZArchiveEntry sevenZEntry = out.createArchiveEntry(file.toFile(), entry.getKey());
                sevenZEntry.setDirectory(false);
                sevenZEntry.setSize(entry.getValue().length);
                out.putArchiveEntry(sevenZEntry);
                out.write(entry.getValue());
                out.closeArchiveEntry();
            }
        }
        try {
            return Files.readAllBytes(file);
        } finally {
            Files.delete(file);
        }
    }

    private static byte[] compress(byte[] content, Compressor compressor) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = compressor.wrap(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

    @FunctionalInterface
    private interface Compressor {
        OutputStream wrap(OutputStream out) throws IOException;
    }
}
