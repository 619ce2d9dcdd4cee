package io.dataforge.watch.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import org.apache.commons.compress.archivers.sevenz.SevenZArchiveEntry;
import org.apache.commons.compress.archivers.sevenz.SevenZOutputFile;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorOutputStream;
import org.apache.commons.compress.utils.SeekableInMemoryByteChannel;

/**
 * Archives built in memory by the commons-compress writers; entries ending in "/" are
 * folders.
 */
public final class ArchiveFixtures {

    static final Path ROOT = Path.of("target", "archive-test");

    private ArchiveFixtures() {
    }

    static Path folder(String name) throws IOException {
        Path folder = ROOT.resolve(name);
        Files.createDirectories(folder.resolve("drop"));
        return folder;
    }

    static Path write(Path folder, String relativePath, byte[] bytes) throws IOException {
        Path file = folder.resolve(relativePath);
        Files.createDirectories(file.getParent());
        return Files.write(file, bytes);
    }

    static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] csv(long seed, int rows) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder("id,name,amount\n");
        for (int i = 0; i < rows; i++) {
            out.append(i)
                .append(",name-")
                .append(random.nextInt(1000))
                .append(',')
                .append(random.nextDouble())
                .append('\n');
        }
        return text(out.toString());
    }

    /**
     * Random binary bytes behind a PDF header: a leaf that must come out byte for byte.
     */
    static byte[] pdfLike(long seed, int size) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        byte[] header = text("%PDF-1.7\n");
        System.arraycopy(header, 0, bytes, 0, header.length);
        return bytes;
    }

    public static Map<String, byte[]> entries(Object... nameThenBytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < nameThenBytes.length; i += 2) {
            Object content = nameThenBytes[i + 1];
            entries.put((String) nameThenBytes[i], content instanceof String text ? text(text) : (byte[]) content);
        }
        return entries;
    }

    public static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putArchiveEntry(new ZipArchiveEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** java.util.zip writes names as given, including "../" and absolute ones. */
    public static byte[] rawZip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                zip.putNextEntry(new java.util.zip.ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /**
     * Sets the "encrypted" general purpose bit in every local and central header
     * (contents stay plain).
     */
    public static byte[] markEncrypted(byte[] zip) {
        byte[] patched = Arrays.copyOf(zip, zip.length);
        for (int i = 0; i + 8 < patched.length; i++) {
            if (patched[i] == 'P' && patched[i + 1] == 'K' && patched[i + 2] == 3 && patched[i + 3] == 4) {
                patched[i + 6] |= 1;
            }
            else if (patched[i] == 'P' && patched[i + 1] == 'K' && patched[i + 2] == 1 && patched[i + 3] == 2) {
                patched[i + 8] |= 1;
            }
        }
        return patched;
    }

    /**
     * A zip whose single entry is STORED with a data descriptor (flag bit 3, sizes zero
     * in the local header), which the writers here refuse to produce: the layout some
     * streaming zip tools emit.
     */
    static byte[] storedWithDataDescriptor(String name, byte[] data) {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(data);
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        java.nio.ByteBuffer zip = java.nio.ByteBuffer.allocate(200 + 2 * nameBytes.length + data.length)
            .order(java.nio.ByteOrder.LITTLE_ENDIAN);
        zip.putInt(0x04034b50)
            .putShort((short) 10)
            .putShort((short) 8)
            .putShort((short) 0)
            .putInt(0)
            .putInt(0)
            .putInt(0)
            .putInt(0)
            .putShort((short) nameBytes.length)
            .putShort((short) 0)
            .put(nameBytes)
            .put(data)
            .putInt(0x08074b50)
            .putInt((int) crc.getValue())
            .putInt(data.length)
            .putInt(data.length);
        int central = zip.position();
        zip.putInt(0x02014b50)
            .putShort((short) 10)
            .putShort((short) 10)
            .putShort((short) 8)
            .putShort((short) 0)
            .putInt(0)
            .putInt((int) crc.getValue())
            .putInt(data.length)
            .putInt(data.length)
            .putShort((short) nameBytes.length)
            .putShort((short) 0)
            .putShort((short) 0)
            .putShort((short) 0)
            .putShort((short) 0)
            .putInt(0)
            .putInt(0)
            .put(nameBytes);
        int centralSize = zip.position() - central;
        zip.putInt(0x06054b50)
            .putShort((short) 0)
            .putShort((short) 0)
            .putShort((short) 1)
            .putShort((short) 1)
            .putInt(centralSize)
            .putInt(central)
            .putShort((short) 0);
        return Arrays.copyOf(zip.array(), zip.position());
    }

    public static byte[] tar(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(e.getKey());
                entry.setSize(e.getKey().endsWith("/") ? 0 : e.getValue().length);
                tar.putArchiveEntry(entry);
                if (!e.getKey().endsWith("/")) {
                    tar.write(e.getValue());
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    public static byte[] sevenZ(Map<String, byte[]> entries) throws IOException {
        try (SeekableInMemoryByteChannel channel = new SeekableInMemoryByteChannel()) {
            try (SevenZOutputFile sevenZ = new SevenZOutputFile(channel)) {
                for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                    SevenZArchiveEntry entry = new SevenZArchiveEntry();
                    entry.setName(
                            e.getKey().endsWith("/") ? e.getKey().substring(0, e.getKey().length() - 1) : e.getKey());
                    entry.setDirectory(e.getKey().endsWith("/"));
                    sevenZ.putArchiveEntry(entry);
                    if (!entry.isDirectory()) {
                        sevenZ.write(e.getValue());
                    }
                    sevenZ.closeArchiveEntry();
                }
            }
            return Arrays.copyOf(channel.array(), (int) channel.size());
        }
    }

    public static byte[] gzip(byte[] data) {
        return compress(data, GzipCompressorOutputStream::new);
    }

    public static byte[] bzip2(byte[] data) {
        return compress(data, BZip2CompressorOutputStream::new);
    }

    public static byte[] xz(byte[] data) {
        return compress(data, XZCompressorOutputStream::new);
    }

    interface Compressor {

        OutputStream wrap(OutputStream out) throws IOException;

    }

    private static byte[] compress(byte[] data, Compressor compressor) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = compressor.wrap(bytes)) {
            out.write(data);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

}
