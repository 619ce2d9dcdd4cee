package io.dataforge.platform.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * MD5s sent with uploads and the ETags that must match them. An ETag that is not an MD5
 * at all (some stores answer opaque ones) cannot be checked and is accepted; one that is
 * an MD5 and differs is a corrupted upload. Under SSE-KMS ETags look like MD5s but are
 * not: those are not checked at all ({@link AtRestEncryption#verify}).
 */
final class ETags {

    private ETags() {
    }

    static byte[] md5(byte[] bytes, int offset, int length) {
        try {
            MessageDigest digest = MessageDigest.getInstance("MD5");
            digest.update(bytes, offset, length);
            return digest.digest();
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String base64(byte[] md5) {
        return Base64.getEncoder().encodeToString(md5);
    }

    static void verify(String etag, byte[] md5, String what) {
        String value = unquote(etag);
        if (isMd5(value) && !value.equalsIgnoreCase(HexFormat.of().formatHex(md5))) {
            throw new StorageIntegrityException(
                    "Integrity check failed for " + what + ": ETag " + value + " is not the MD5 of the bytes sent");
        }
    }

    /**
     * S3's multipart ETag: the MD5 of the concatenated part MD5s, a dash and the part
     * count.
     */
    static void verifyMultipart(String etag, byte[] md5OfPartMd5s, int partCount, String what) {
        String value = unquote(etag);
        int dash = value.indexOf('-');
        if (dash == 32 && isMd5(value.substring(0, dash))) {
            String expected = HexFormat.of().formatHex(md5OfPartMd5s) + "-" + partCount;
            if (!value.equalsIgnoreCase(expected)) {
                throw new StorageIntegrityException(
                        "Integrity check failed for " + what + ": ETag " + value + ", expected " + expected);
            }
        }
    }

    private static boolean isMd5(String value) {
        return value.length() == 32 && value.chars().allMatch(c -> Character.digit(c, 16) >= 0);
    }

    private static String unquote(String etag) {
        return etag == null ? "" : etag.replace("\"", "");
    }

}
