package org.seatreconciler.schemas.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The identifier rule of DESIGN.md section 4, one case per way an identifier can break it. */
class IdentifiersTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "7", "org-7", "m.1_x:y@z+w-v", "Z9", "e-00042", "user@example.org"})
    void lettersDigitsAndTheFiveMarksAreAnIdentifier(String id) {
        assertThat(Identifiers.problem("orgId", id)).isEmpty();
        assertThat(Identifiers.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 127, 128})
    void upTo128CharactersAreAllowed(int length) {
        assertThat(Identifiers.problem("orgId", "a".repeat(length))).isEmpty();
    }

    static Stream<Arguments> brokenIdentifiers() {
        return Stream.of(
                Arguments.of("", "memberId is empty"),
                Arguments.of("a".repeat(129), "memberId is 129 characters long, more than 128"),
                Arguments.of("x".repeat(10_000), "memberId is 10000 characters long, more than 128"),
                // a spreadsheet formula in invoices.csv
                Arguments.of("=HYPERLINK(\"http://x\")", "memberId starts with '=' (U+003D), not a letter or a digit"),
                Arguments.of("+1", "memberId starts with '+' (U+002B), not a letter or a digit"),
                Arguments.of("-1", "memberId starts with '-' (U+002D), not a letter or a digit"),
                Arguments.of("@me", "memberId starts with '@' (U+0040), not a letter or a digit"),
                Arguments.of(".hidden", "memberId starts with '.' (U+002E), not a letter or a digit"),
                Arguments.of(" m-1", "memberId starts with U+0020, not a letter or a digit"),
                // the separator of the orgId|day key, and NUL, the old store key separator
                Arguments.of("org|2026-11-02", "memberId contains '|' (U+007C) at position 4 (allowed: letters, digits and . _ : @ + -)"),
                Arguments.of("a\u0000b", "memberId contains U+0000 at position 2 (allowed: letters, digits and . _ : @ + -)"),
                Arguments.of("a\nb", "memberId contains U+000A at position 2 (allowed: letters, digits and . _ : @ + -)"),
                Arguments.of("a\u001b[31m", "memberId contains U+001B at position 2 (allowed: letters, digits and . _ : @ + -)"),
                Arguments.of("a b", "memberId contains U+0020 at position 2 (allowed: letters, digits and . _ : @ + -)"),
                Arguments.of("a,b", "memberId contains ',' (U+002C) at position 2 (allowed: letters, digits and . _ : @ + -)"),
                Arguments.of("a\"b", "memberId contains '\"' (U+0022) at position 2 (allowed: letters, digits and . _ : @ + -)"),
                Arguments.of("müller", "memberId contains U+00FC at position 2 (allowed: letters, digits and . _ : @ + -)"),
                Arguments.of("a\u202eb", "memberId contains U+202E at position 2 (allowed: letters, digits and . _ : @ + -)"),
                Arguments.of("é", "memberId starts with U+00E9, not a letter or a digit"));
    }

    @ParameterizedTest
    @MethodSource("brokenIdentifiers")
    void anythingElseIsNamedWithTheFieldAndTheCodePoint(String id, String detail) {
        assertThat(Identifiers.problem("memberId", id)).hasValue(detail);
        assertThat(Identifiers.isValid(id)).isFalse();
    }

    @org.junit.jupiter.api.Test
    void aValueIsShownSafelyForOneLogLineOrAJsonString() {
        assertThat(Identifiers.printable("=cmd|\"x\"\n")).isEqualTo("\"=cmd|\\\"x\\\"\\u000a\"");
        assertThat(Identifiers.shown("org-7")).isEqualTo("org-7");
        assertThat(Identifiers.printable("y".repeat(300))).isEqualTo("\"" + "y".repeat(64) + "\"... (300 characters)");
        assertThat(Identifiers.problem("orgId", null)).hasValue("orgId is missing");
    }
}
