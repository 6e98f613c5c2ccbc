package org.seatreconciler.schemas.events;

import java.util.Locale;
import java.util.Optional;

/**
 * The identifier rule of DESIGN.md section 4: eventId, orgId, memberId and actorId are 1 to 128
 * characters from the ASCII letters and digits and {@code . _ : @ + -}, starting with a letter or a
 * digit. Identifiers end up in store keys, in {@code orgId|day} keys, in logs and in CSV cells that a
 * spreadsheet would read as a formula when they start with {@code = + - @}; the rule keeps all of that
 * safe. The detail names the field and the offending character by its code point, never by echoing the
 * value (which may be 10,000 characters or hold control characters).
 */
public final class Identifiers {

    public static final int MAX_LENGTH = 128;
    /** How much of a bad value {@link #printable} and {@link #shown} show. */
    private static final int SHOWN = 64;
    private static final String ALLOWED = "letters, digits and . _ : @ + -";
    /** By ASCII code: 1 a letter or digit, 2 one of the five marks, 0 anything else (checked per character of every id). */
    private static final byte[] KIND = new byte[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            KIND[c] = 1;
        }
        for (char c = 'a'; c <= 'z'; c++) {
            KIND[c] = 1;
            KIND[Character.toUpperCase(c)] = 1;
        }
        for (char c : ".:_@+-".toCharArray()) {
            KIND[c] = 2;
        }
    }

    private Identifiers() {
    }

    /** Why {@code value} is not an identifier, naming {@code field}, or empty when it is one. */
    public static Optional<String> problem(String field, String value) {
        if (value == null) {
            return Optional.of(field + " is missing");
        }
        if (value.isEmpty()) {
            return Optional.of(field + " is empty");
        }
        if (value.length() > MAX_LENGTH) {
            return Optional.of(field + " is " + value.length() + " characters long, more than " + MAX_LENGTH);
        }
        char first = value.charAt(0);
        if (!isLetterOrDigit(first)) {
            return Optional.of(field + " starts with " + describe(first) + ", not a letter or a digit");
        }
        for (int i = 1; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 128 || KIND[c] == 0) {
                return Optional.of(field + " contains " + describe(c) + " at position " + (i + 1) + " (allowed: "
                        + ALLOWED + ")");
            }
        }
        return Optional.empty();
    }

    public static boolean isValid(String value) {
        return value != null && problem("", value).isEmpty();
    }

    /**
     * {@code value} quoted, safe for one log line or a JSON string: control and format characters as
     * {@code \\uXXXX}, quotes and backslashes escaped, and at most 64 characters of a long value with its
     * length (for the nightly job, which names an organisation it could not bill).
     */
    public static String printable(String value) {
        return value == null ? "null" : "\"" + escaped(value) + "\"" + lengthNote(value);
    }

    /**
     * {@code value} as it is shown where an identifier is expected (summary.json, the ledger's list of
     * organisations not billed): a valid id unchanged, anything else escaped and cut like
     * {@link #printable}, without the quotes.
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
                text.append(String.format(Locale.ROOT, "\\u%04x", c));
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

    private static boolean isLetterOrDigit(char c) {
        return c < 128 && KIND[c] == 1;
    }

    /** Printable ASCII is shown as itself and its code point; anything else by its code point alone. */
    private static String describe(char c) {
        String codePoint = String.format(Locale.ROOT, "U+%04X", (int) c);
        return c > 0x20 && c < 0x7f ? "'" + c + "' (" + codePoint + ")" : codePoint;
    }
}
