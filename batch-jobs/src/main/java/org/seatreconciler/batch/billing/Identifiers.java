package org.seatreconciler.batch.billing;

import java.util.Optional;

/**
 * The identifier rule of DESIGN.md section 4, applied by the nightly job to organisation ids and plan
 * codes before they reach the ledger and finance's files: 1 to 128 characters from letters, digits and
 * {@code . _ : @ + -}, starting with a letter or a digit. So no id can overflow a ledger column, break a
 * key, or start a spreadsheet formula ({@code = + - @}) in a CSV cell.
 */
public final class Identifiers {

    public static final int MAX_LENGTH = 128;
    /** How much of a bad value a message shows. */
    private static final int SHOWN = 64;

    private Identifiers() {
    }

    public static boolean isValid(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        int length = value.codePointCount(0, value.length());
        if (length > MAX_LENGTH || !Character.isLetterOrDigit(value.codePointAt(0))) {
            return false;
        }
        return value.codePoints().allMatch(c -> Character.isLetterOrDigit(c) || ".:_@+-".indexOf(c) >= 0);
    }

    /**
     * Why {@code value} is not a valid {@code field}, if it is not: e.g. {@code org id "=cmd|x" is not a
     * valid identifier (...)}.
     */
    public static Optional<String> problem(String field, String value) {
        if (isValid(value)) {
            return Optional.empty();
        }
        return Optional.of(field + " " + printable(value) + " is not a valid identifier (DESIGN.md section 4: 1 to "
                + MAX_LENGTH + " letters, digits or . _ : @ + -, starting with a letter or a digit)");
    }

    /**
     * {@code value} quoted, safe for one log line or a JSON string: control characters as {@code \\uXXXX},
     * quotes and backslashes escaped, and at most 64 characters of a long value with its length.
     */
    public static String printable(String value) {
        return value == null ? "null" : "\"" + escaped(value) + "\"" + lengthNote(value);
    }

    /**
     * {@code value} as it is shown where an organisation id is expected (summary.json, the ledger's list of
     * organisations not billed): a valid id unchanged, anything else escaped and cut like {@link #printable},
     * without the quotes.
     */
    public static String shown(String value) {
        return value == null ? "null" : escaped(value) + lengthNote(value);
    }

    private static String escaped(String value) {
        StringBuilder text = new StringBuilder();
        value.codePoints().limit(SHOWN).forEach(c -> {
            if (c == '"' || c == '\\') {
                text.append('\\').append((char) c);
            } else if (Character.isISOControl(c) || Character.getType(c) == Character.FORMAT) {
                text.append(String.format("\\u%04x", c));
            } else {
                text.appendCodePoint(c);
            }
        });
        return text.toString();
    }

    private static String lengthNote(String value) {
        int length = value.codePointCount(0, value.length());
        return length > SHOWN ? "... (" + length + " characters)" : "";
    }
}
