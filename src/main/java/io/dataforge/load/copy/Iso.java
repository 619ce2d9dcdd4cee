package io.dataforge.load.copy;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.UUID;

/**
 * ISO dates, timestamps and UUIDs read without a formatter in their common shapes
 * ({@code 2024-03-01}, {@code 2024-03-01 10:00:00.5}, {@code ...Z} or {@code ...+02:00}),
 * the shapes nearly every file uses, without java.time's general parsers or a regex. Any
 * other shape goes to java.time, so what is accepted does not change. Out-of-range fields
 * throw {@link java.time.DateTimeException}.
 */
final class Iso {

    /** The value of each ASCII hex digit, -1 for any other character. */
    private static final byte[] HEX = new byte['f' + 1];

    static {
        Arrays.fill(HEX, (byte) -1);
        for (int i = 0; i < 16; i++) {
            HEX[Character.forDigit(i, 16)] = (byte) i;
            HEX[Character.toUpperCase(Character.forDigit(i, 16))] = (byte) i;
        }
    }

    private Iso() {
    }

    static LocalDate date(String value) {
        if (value.length() == 10 && isDate(value)) {
            return LocalDate.of(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10));
        }
        return LocalDate.parse(value);
    }

    /** A space may stand for the {@code T}. */
    static LocalDateTime dateTime(String value) {
        int end = dateTimeEnd(value);
        if (end == value.length()) {
            return fastDateTime(value, end);
        }
        return LocalDateTime.parse(value.replace(' ', 'T'));
    }

    /** With an offset or Z; a value without one is taken as UTC. */
    static OffsetDateTime offsetDateTime(String value) {
        int end = dateTimeEnd(value);
        if (end > 0) {
            ZoneOffset offset = end == value.length() ? ZoneOffset.UTC : offset(value, end);
            if (offset != null) {
                return OffsetDateTime.of(fastDateTime(value, end), offset);
            }
        }
        String iso = value.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso);
        }
        catch (DateTimeParseException e) {
            return LocalDateTime.parse(iso).atOffset(ZoneOffset.UTC);
        }
    }

    /** The UUID in its 36-character form, either case; null when it is not one. */
    static UUID uuid(String value) {
        if (value.length() != 36) {
            return null;
        }
        long high = 0;
        long low = 0;
        int nibbles = 0;
        for (int i = 0; i < 36; i++) {
            char c = value.charAt(i);
            if (i == 8 || i == 13 || i == 18 || i == 23) {
                if (c != '-') {
                    return null;
                }
                continue;
            }
            int nibble = c < HEX.length ? HEX[c] : -1;
            if (nibble < 0) {
                return null;
            }
            if (nibbles++ < 16) {
                high = high << 4 | nibble;
            }
            else {
                low = low << 4 | nibble;
            }
        }
        return new UUID(high, low);
    }

    /**
     * Where {@code yyyy-MM-dd[T ]HH:mm:ss[.fraction]} ends in the value, or -1 when it
     * does not start with one.
     */
    private static int dateTimeEnd(String value) {
        if (value.length() < 19 || !isDate(value)) {
            return -1;
        }
        char t = value.charAt(10);
        if ((t != 'T' && t != ' ') || !isDigits(value, 11, 13) || value.charAt(13) != ':' || !isDigits(value, 14, 16)
                || value.charAt(16) != ':' || !isDigits(value, 17, 19)) {
            return -1;
        }
        if (value.length() == 19 || value.charAt(19) != '.') {
            return 19;
        }
        int end = 20;
        while (end < value.length() && end < 29 && isDigit(value.charAt(end))) {
            end++;
        }
        return end == 20 ? -1 : end;
    }

    private static LocalDateTime fastDateTime(String value, int end) {
        int nanos = 0;
        if (end > 20) {
            nanos = digits(value, 20, end);
            for (int i = end; i < 29; i++) {
                nanos *= 10;
            }
        }
        return LocalDateTime.of(digits(value, 0, 4), digits(value, 5, 7), digits(value, 8, 10), digits(value, 11, 13),
                digits(value, 14, 16), digits(value, 17, 19), nanos);
    }

    /**
     * {@code Z} or {@code ±HH:MM} from {@code start} to the end; null for anything else.
     */
    private static ZoneOffset offset(String value, int start) {
        int length = value.length() - start;
        if (length == 1 && value.charAt(start) == 'Z') {
            return ZoneOffset.UTC;
        }
        char sign = length == 6 ? value.charAt(start) : 0;
        if ((sign != '+' && sign != '-') || !isDigits(value, start + 1, start + 3) || value.charAt(start + 3) != ':'
                || !isDigits(value, start + 4, start + 6)) {
            return null;
        }
        int hours = digits(value, start + 1, start + 3);
        int minutes = digits(value, start + 4, start + 6);
        return sign == '+' ? ZoneOffset.ofHoursMinutes(hours, minutes) : ZoneOffset.ofHoursMinutes(-hours, -minutes);
    }

    private static boolean isDate(String value) {
        return isDigits(value, 0, 4) && value.charAt(4) == '-' && isDigits(value, 5, 7) && value.charAt(7) == '-'
                && isDigits(value, 8, 10);
    }

    private static boolean isDigits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static int digits(String value, int from, int to) {
        int number = 0;
        for (int i = from; i < to; i++) {
            number = number * 10 + value.charAt(i) - '0';
        }
        return number;
    }

}
