package org.seatreconciler.batch.billing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IdentifiersTest {

    @Test
    void lettersDigitsAndTheFivePunctuationMarksAfterALetterOrDigit() {
        assertThat(Identifiers.isValid("org-7")).isTrue();
        assertThat(Identifiers.isValid("a.b_c:d@e+f-g")).isTrue();
        assertThat(Identifiers.isValid("7")).isTrue();
        assertThat(Identifiers.isValid("Zürich-Praxis")).isTrue();
        assertThat(Identifiers.isValid("x".repeat(128))).isTrue();
    }

    @Test
    void emptyTooLongFormulaStartsAndOtherCharactersAreNot() {
        assertThat(Identifiers.isValid(null)).isFalse();
        assertThat(Identifiers.isValid("")).isFalse();
        assertThat(Identifiers.isValid("x".repeat(129))).isFalse();
        assertThat(Identifiers.isValid("=HYPERLINK(1)")).isFalse();
        assertThat(Identifiers.isValid("+1")).isFalse();
        assertThat(Identifiers.isValid("-1")).isFalse();
        assertThat(Identifiers.isValid("@x")).isFalse();
        assertThat(Identifiers.isValid(".x")).isFalse();
        assertThat(Identifiers.isValid("acme north")).isFalse();
        assertThat(Identifiers.isValid("acme,north")).isFalse();
        assertThat(Identifiers.isValid("acme|2026-10-01")).isFalse();
        assertThat(Identifiers.isValid("a\nb")).isFalse();
    }

    @Test
    void theProblemNamesTheFieldAndShowsTheValueSafely() {
        assertThat(Identifiers.problem("org id", "org-7")).isEmpty();
        assertThat(Identifiers.problem("org id", "=cmd|\"x\"\n")).contains("org id \"=cmd|\\\"x\\\"\\u000a\" is not a "
                + "valid identifier (DESIGN.md section 4: 1 to 128 letters, digits or . _ : @ + -, starting with a "
                + "letter or a digit)");
        assertThat(Identifiers.printable("y".repeat(300))).isEqualTo("\"" + "y".repeat(64) + "\"... (300 characters)");
    }
}
