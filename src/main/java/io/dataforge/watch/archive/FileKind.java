package io.dataforge.watch.archive;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.apache.commons.compress.archivers.tar.TarUtils;

/**
 * What a file is, for the watch: an archive to expand, a compressed file to decompress,
 * or plain data.
 */
public enum FileKind {

    ZIP, TAR, GZIP, BZIP2, XZ, SEVEN_Z, RAR, PLAIN;

    /** Bytes needed by {@link #detect}: a whole tar header block. */
    static final int HEAD_BYTES = 512;

    /** Longest first, so "b.tar.gz" matches ".tar.gz" before ".gz". */
    private static final List<Map.Entry<String, FileKind>> EXTENSIONS = List.of(Map.entry(".tar.gz", GZIP),
            Map.entry(".tar.bz2", BZIP2), Map.entry(".tar.xz", XZ), Map.entry(".tgz", GZIP), Map.entry(".tbz2", BZIP2),
            Map.entry(".tbz", BZIP2), Map.entry(".txz", XZ), Map.entry(".gzip", GZIP), Map.entry(".tar", TAR),
            Map.entry(".zip", ZIP), Map.entry(".bz2", BZIP2), Map.entry(".7z", SEVEN_Z), Map.entry(".rar", RAR),
            Map.entry(".gz", GZIP), Map.entry(".xz", XZ));

    /**
     * Zip containers that are documents, not folders someone packed: uploaded as they
     * are.
     */
    private static final List<String> ZIP_DOCUMENTS = List.of(".xlsx", ".xlsm", ".docx", ".pptx", ".odt", ".ods",
            ".odp", ".epub", ".jar", ".war", ".apk");

    /**
     * From the name and the first bytes (magic numbers win over the extension when they
     * disagree; tar detected by its header at offset 257 "ustar" or a valid tar
     * checksum). Without a known magic number the extension decides, so a damaged
     * {@code .zip} is refused as corrupt rather than passed on as data.
     */
    public static FileKind detect(String name, byte[] head, int headLength) {
        String lower = name.toLowerCase(Locale.ROOT);
        FileKind byMagic = byMagic(head, Math.min(headLength, head.length));
        if (byMagic == ZIP && ZIP_DOCUMENTS.stream().anyMatch(lower::endsWith)) {
            return PLAIN;
        }
        return byMagic != null ? byMagic : byExtension(lower);
    }

    /**
     * The name without its archive or compression extension ("drop/b.tar.gz" → "drop/b"),
     * or the name itself.
     */
    static String stripExtension(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (Map.Entry<String, FileKind> extension : EXTENSIONS) {
            String suffix = extension.getKey();
            if (lower.endsWith(suffix) && lower.length() > suffix.length() && !lower.endsWith("/" + suffix)) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return name;
    }

    /**
     * The name of what a compressed file holds: "d.csv.gz" → "d.csv", "b.tgz" → "b.tar",
     * "e.gz" → "e".
     */
    static String decompressedName(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        for (String tarAlias : List.of(".tgz", ".tbz2", ".tbz", ".txz")) {
            if (lower.endsWith(tarAlias)) {
                return name.substring(0, name.length() - tarAlias.length()) + ".tar";
            }
        }
        for (String suffix : List.of(".gzip", ".gz", ".bz2", ".xz")) {
            if (lower.endsWith(suffix) && lower.length() > suffix.length()) {
                return name.substring(0, name.length() - suffix.length());
            }
        }
        return stripExtension(name);
    }

    boolean isCompressor() {
        return this == GZIP || this == BZIP2 || this == XZ;
    }

    private static FileKind byExtension(String lower) {
        return EXTENSIONS.stream()
            .filter(e -> lower.endsWith(e.getKey()))
            .map(Map.Entry::getValue)
            .findFirst()
            .orElse(PLAIN);
    }

    private static FileKind byMagic(byte[] head, int length) {
        if (startsWith(head, length, 'P', 'K', 3, 4) || startsWith(head, length, 'P', 'K', 5, 6)
                || startsWith(head, length, 'P', 'K', 7, 8)) {
            return ZIP;
        }
        if (startsWith(head, length, 0x1F, 0x8B)) {
            return GZIP;
        }
        if (startsWith(head, length, 'B', 'Z', 'h')) {
            return BZIP2;
        }
        if (startsWith(head, length, 0xFD, '7', 'z', 'X', 'Z', 0)) {
            return XZ;
        }
        if (startsWith(head, length, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return SEVEN_Z;
        }
        if (startsWith(head, length, 'R', 'a', 'r', '!', 0x1A, 0x07)) {
            return RAR;
        }
        return isTarHeader(head, length) ? TAR : null;
    }

    private static boolean isTarHeader(byte[] head, int length) {
        if (length >= 262 && head[257] == 'u' && head[258] == 's' && head[259] == 't' && head[260] == 'a'
                && head[261] == 'r') {
            return true;
        }
        try {
            // verifyCheckSum sums the whole array it is given: pass exactly one header
            // block
            return length >= HEAD_BYTES && TarUtils.verifyCheckSum(Arrays.copyOf(head, HEAD_BYTES));
        }
        catch (IllegalArgumentException notOctal) {
            return false;
        }
    }

    private static boolean startsWith(byte[] head, int length, int... magic) {
        if (length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if ((head[i] & 0xFF) != magic[i]) {
                return false;
            }
        }
        return true;
    }

}
