package io.dataforge.watch.parquet;

import java.math.BigDecimal;

/**
 * Hand-written recognisers for the inferred types (no regex on the hot path). Each
 * returns whether the text is exactly representable in the type and leaves the stored
 * value in {@link #longValue} or {@link #doubleValue}. Not thread-safe: one per
 * conversion.
 */
final class ValueParser {

    private static final long[] POWERS_OF_TEN = new long[19];

    private static final long MICROS_PER_DAY = 86_400_000_000L;

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    long longValue;

    double doubleValue;

    /** Set by {@link #plainScale}: significant digits before the point (0 for "0.5"). */
    private int integerDigits;

    boolean bool(String s) {
        if (s.equalsIgnoreCase("true")) {
            longValue = 1;
            return true;
        }
        if (s.equalsIgnoreCase("false")) {
            longValue = 0;
            return true;
        }
        return false;
    }

    /** {@code -?(0|[1-9][0-9]*)} within the long range. */
    boolean int64(String s) {
        int n = s.length();
        int i = s.startsWith("-") ? 1 : 0;
        if (i == n || n - i > 19 || (s.charAt(i) == '0' && n - i > 1)) {
            return false;
        }
        long limit = i == 1 ? Long.MIN_VALUE : -Long.MAX_VALUE;
        long result = 0;
        for (; i < n; i++) {
            int digit = s.charAt(i) - '0';
            if (digit < 0 || digit > 9 || result < limit / 10) {
                return false;
            }
            result *= 10;
            if (result < limit + digit) {
                return false;
            }
            result -= digit;
        }
        longValue = s.charAt(0) == '-' ? result : -result;
        return true;
    }

    /**
     * The scale of a plain decimal {@code -?(0|[1-9][0-9]*)(\.[0-9]+)?} (0 for an
     * integer), -1 for anything else.
     */
    int plainScale(String s) {
        int n = s.length();
        int i = s.startsWith("-") ? 1 : 0;
        int start = i;
        while (i < n && isDigit(s.charAt(i))) {
            i++;
        }
        int digits = i - start;
        if (digits == 0 || (digits > 1 && s.charAt(start) == '0')) {
            return -1;
        }
        integerDigits = s.charAt(start) == '0' ? 0 : digits;
        if (i == n) {
            return 0;
        }
        if (s.charAt(i) != '.' || i == n - 1) {
            return -1;
        }
        for (int j = i + 1; j < n; j++) {
            if (!isDigit(s.charAt(j))) {
                return -1;
            }
        }
        return n - i - 1;
    }

    /**
     * A plain decimal stored as DECIMAL(18, scale): the unscaled value goes to
     * {@link #longValue}.
     */
    boolean decimal(String s, int scale) {
        int own = plainScale(s);
        if (own < 0 || own > scale || integerDigits + scale > ColumnSpec.DECIMAL_PRECISION) {
            return false;
        }
        boolean negative = s.charAt(0) == '-';
        long unscaled = 0;
        for (int i = negative ? 1 : 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '.') {
                unscaled = unscaled * 10 + (c - '0');
            }
        }
        unscaled *= POWERS_OF_TEN[scale - own];
        longValue = negative ? -unscaled : unscaled;
        return true;
    }

    /**
     * A JSON-style number whose double reads back as the same number; "007", "NaN", "+1"
     * are not.
     */
    boolean dbl(String s) {
        int n = s.length();
        int i = s.startsWith("-") ? 1 : 0;
        int start = i;
        int significant = 0;
        boolean leading = true;
        while (i < n && isDigit(s.charAt(i))) {
            leading = count(s.charAt(i), leading);
            significant += leading ? 0 : 1;
            i++;
        }
        if (i == start || (i - start > 1 && s.charAt(start) == '0')) {
            return false;
        }
        if (i < n && s.charAt(i) == '.') {
            int fraction = ++i;
            while (i < n && isDigit(s.charAt(i))) {
                leading = count(s.charAt(i), leading);
                significant += leading ? 0 : 1;
                i++;
            }
            if (i == fraction) {
                return false;
            }
        }
        int exponentDigits = 0;
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int exponent = i;
            while (i < n && isDigit(s.charAt(i))) {
                i++;
            }
            exponentDigits = i - exponent;
            if (exponentDigits == 0) {
                return false;
            }
        }
        if (i != n) {
            return false;
        }
        double value = Double.parseDouble(s);
        if (Double.isInfinite(value)) {
            return false;
        }
        doubleValue = value;
        // up to 15 significant digits always survive the trip through a double (DBL_DIG),
        // away from the extremes
        return (significant <= 15 && exponentDigits <= 2 && n <= 40) || readsBackEqual(s, value);
    }

    private static boolean count(char c, boolean leading) {
        return leading && c == '0';
    }

    private static boolean readsBackEqual(String s, double value) {
        try {
            return new BigDecimal(s).compareTo(new BigDecimal(Double.toString(value))) == 0;
        }
        catch (NumberFormatException e) {
            return false;
        }
    }

    /**
     * ISO {@code yyyy-MM-dd}, a real calendar date; the epoch day goes to
     * {@link #longValue}.
     */
    boolean date(String s) {
        return s.length() == 10 && parseDate(s);
    }

    /** A date in a timestamp column: its midnight, in microseconds. */
    boolean dateAsMidnight(String s) {
        if (!date(s)) {
            return false;
        }
        longValue *= MICROS_PER_DAY;
        return true;
    }

    /**
     * ISO local date-time {@code yyyy-MM-dd[T ]HH:mm[:ss[.f{1,6}]]}, with {@code Z} or
     * {@code ±HH:MM} when {@code utc}; the microseconds since the epoch (UTC when an
     * offset is given) go to {@link #longValue}.
     */
    boolean timestamp(String s, boolean utc) {
        int n = s.length();
        if (n < 16 || (s.charAt(10) != 'T' && s.charAt(10) != ' ') || !parseDate(s)) {
            return false;
        }
        int hour = twoDigits(s, 11);
        int minute = twoDigits(s, 14);
        int second = 0;
        int i = 16;
        // seconds may be left out, as ISO 8601 (and LocalDateTime.toString() on a whole
        // minute) does
        if (n > 16 && s.charAt(16) == ':') {
            second = n >= 19 ? twoDigits(s, 17) : -1;
            i = 19;
        }
        if (s.charAt(13) != ':' || hour > 23 || minute > 59 || second > 59 || minute < 0 || second < 0 || hour < 0) {
            return false;
        }
        long micros = longValue * MICROS_PER_DAY + (hour * 3600L + minute * 60L + second) * 1_000_000L;
        if (i == 19 && i < n && s.charAt(i) == '.') {
            int start = ++i;
            long fraction = 0;
            while (i < n && isDigit(s.charAt(i))) {
                fraction = fraction * 10 + (s.charAt(i++) - '0');
            }
            int digits = i - start;
            if (digits == 0 || digits > 6) {
                return false;
            }
            micros += fraction * POWERS_OF_TEN[6 - digits];
        }
        if (!utc) {
            longValue = micros;
            return i == n;
        }
        if (i == n - 1 && s.charAt(i) == 'Z') {
            longValue = micros;
            return true;
        }
        if (i != n - 6 || (s.charAt(i) != '+' && s.charAt(i) != '-') || s.charAt(i + 3) != ':') {
            return false;
        }
        int offsetHours = twoDigits(s, i + 1);
        int offsetMinutes = twoDigits(s, i + 4);
        if (offsetHours < 0 || offsetMinutes < 0 || offsetHours > 18 || offsetMinutes > 59) {
            return false;
        }
        long offset = (offsetHours * 3600L + offsetMinutes * 60L) * 1_000_000L;
        longValue = s.charAt(i) == '+' ? micros - offset : micros + offset;
        return true;
    }

    private boolean parseDate(String s) {
        if (s.charAt(4) != '-' || s.charAt(7) != '-') {
            return false;
        }
        int high = twoDigits(s, 0);
        int low = twoDigits(s, 2);
        int month = twoDigits(s, 5);
        int day = twoDigits(s, 8);
        if (high < 0 || low < 0 || month < 1 || month > 12 || day < 1) {
            return false;
        }
        int year = high * 100 + low;
        if (day > lengthOfMonth(year, month)) {
            return false;
        }
        longValue = epochDay(year, month, day);
        return true;
    }

    private static int lengthOfMonth(int year, int month) {
        return switch (month) {
            case 2 -> isLeap(year) ? 29 : 28;
            case 4, 6, 9, 11 -> 30;
            default -> 31;
        };
    }

    private static boolean isLeap(long year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    /** Same arithmetic as LocalDate.toEpochDay, without the object. */
    private static long epochDay(long year, int month, int day) {
        long total = 365 * year;
        total += (year + 3) / 4 - (year + 99) / 100 + (year + 399) / 400;
        total += (367 * month - 362) / 12;
        total += day - 1;
        if (month > 2) {
            total--;
            if (!isLeap(year)) {
                total--;
            }
        }
        return total - 719_528;
    }

    private static int twoDigits(String s, int at) {
        char a = s.charAt(at);
        char b = s.charAt(at + 1);
        return isDigit(a) && isDigit(b) ? (a - '0') * 10 + (b - '0') : -1;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

}
