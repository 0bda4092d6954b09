package org.pouch.formats;

/**
 * The check digit of ICAO Doc 9303 part 3, section 4.9: characters weighted 7, 3, 1 repeating, digits
 * worth themselves, {@code A} to {@code Z} worth 10 to 35, the filler {@code <} worth 0, the sum modulo 10.
 */
public final class IcaoCheckDigit {

    private static final int[] WEIGHTS = {7, 3, 1};

    private IcaoCheckDigit() {}

    /**
     * The check digit of a machine-readable zone field.
     *
     * @throws IllegalArgumentException when a character is not a digit, an upper-case letter or {@code <}
     */
    public static char of(CharSequence field) {
        int sum = 0;
        for (int i = 0; i < field.length(); i++) {
            sum += valueOf(field.charAt(i)) * WEIGHTS[i % 3];
        }
        return (char) ('0' + sum % 10);
    }

    private static int valueOf(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 10;
        }
        if (c == '<') {
            return 0;
        }
        throw new IllegalArgumentException("not a machine-readable zone character");
    }
}
