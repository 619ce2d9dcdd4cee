package io.dataforge;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A deterministic stream of pseudo-random bytes of a given length, made on the fly (never
 * held whole).
 */
public final class RandomStream extends InputStream {

    private final SplittableRandom random;

    private final long length;

    private final MessageDigest digest = sha256();

    private long position;

    public RandomStream(long seed, long length) {
        this.random = new SplittableRandom(seed);
        this.length = length;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int max) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(max, length - position);
        for (int i = 0; i < n; i++) {
            buffer[offset + i] = (byte) random.nextInt(256);
        }
        digest.update(buffer, offset, n);
        position += n;
        return n;
    }

    /** SHA-256 of every byte handed out so far. */
    public String sha256Hex() {
        return HexFormat.of().formatHex(digest.digest());
    }

    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** SHA-256 and length of a whole stream, read in small chunks. */
    public static String sha256Hex(InputStream in) throws java.io.IOException {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[64 * 1024];
        for (int n; (n = in.read(buffer)) > 0;) {
            digest.update(buffer, 0, n);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

}
