package org.pouch.formats;

/**
 * Formula injection (CWE-1236): a spreadsheet runs a cell that starts with {@code =}, {@code +},
 * {@code -}, {@code @}, a tab or a carriage return as a formula. Outbound CSV cells starting so get a
 * leading apostrophe, which spreadsheets show as text and hide; inbound, that one apostrophe is taken off
 * again, so what the gateway writes it also reads.
 */
public final class CsvCells {

    private CsvCells() {}

    public static String neutralise(String cell) {
        return cell != null && startsFormula(cell, 0) ? "'" + cell : cell;
    }

    /** Removes the apostrophe {@link #neutralise} added, and nothing else. */
    public static String unneutralise(String cell) {
        return cell != null && cell.length() > 1 && cell.charAt(0) == '\'' && startsFormula(cell, 1)
                ? cell.substring(1)
                : cell;
    }

    private static boolean startsFormula(String cell, int at) {
        if (cell.length() <= at) {
            return false;
        }
        char c = cell.charAt(at);
        return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
    }
}
