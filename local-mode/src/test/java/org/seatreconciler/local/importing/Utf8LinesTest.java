package org.seatreconciler.local.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class Utf8LinesTest {

    @Test
    void anInvalidLineIsReportedWithItsOwnNumberAndTheNextLinesAreRead() throws IOException {
        byte[] file = bytes("first\n", new byte[] {'a', 'b', (byte) 0xC3, '(', 'c', '\n'}, "third\r\n", "\n", "last");

        assertThat(read(file)).containsExactly(
                new Utf8Lines.Line(1, "first", null),
                new Utf8Lines.Line(2, "ab\uFFFD(c", "line is not valid UTF-8: byte 0xC3 at byte 3"),
                new Utf8Lines.Line(3, "third", null),
                new Utf8Lines.Line(4, "", null),
                new Utf8Lines.Line(5, "last", null));
    }

    @Test
    void aByteOrderMarkAtTheStartIsSkippedAndOnlyThere() throws IOException {
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] file = bytes(bom, "{}\n", bom, "x\n");

        assertThat(read(file)).containsExactly(
                new Utf8Lines.Line(1, "{}", null),
                new Utf8Lines.Line(2, "\uFEFFx", null));
    }

    @Test
    void multiByteCharactersAndLinesAcrossTheReadBufferAreWhole() throws IOException {
        String longLine = "é".repeat(50_000) + "🙂"; // 100,004 bytes: spans two 64 KiB reads
        byte[] file = bytes(longLine + "\n", "ü\n");

        assertThat(read(file)).containsExactly(
                new Utf8Lines.Line(1, longLine, null),
                new Utf8Lines.Line(2, "ü", null));
    }

    @Test
    void aLineLongerThanTheLimitIsReportedNotKept() throws IOException {
        byte[] huge = new byte[Utf8Lines.MAX_LINE_BYTES + 10];
        java.util.Arrays.fill(huge, (byte) 'x');
        byte[] file = bytes(huge, "\nok\n");

        List<Utf8Lines.Line> lines = read(file);

        assertThat(lines).hasSize(2);
        assertThat(lines.get(0).number()).isEqualTo(1);
        assertThat(lines.get(0).problem()).isEqualTo("line is 1,048,586 bytes long, more than 1,048,576");
        assertThat(lines.get(0).text()).isEqualTo("x".repeat(Utf8Lines.SHOWN_CHARS) + "...");
        assertThat(lines.get(1)).isEqualTo(new Utf8Lines.Line(2, "ok", null));
    }

    @Test
    void anEmptyFileHasNoLines() throws IOException {
        assertThat(read(new byte[0])).isEmpty();
        assertThat(read(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF})).isEmpty();
    }

    private static List<Utf8Lines.Line> read(byte[] file) throws IOException {
        List<Utf8Lines.Line> lines = new ArrayList<>();
        try (Utf8Lines reader = new Utf8Lines(new ByteArrayInputStream(file))) {
            Utf8Lines.Line line;
            while ((line = reader.next()) != null) {
                lines.add(line);
            }
        }
        return lines;
    }

    private static byte[] bytes(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            out.writeBytes(part instanceof byte[] b ? b : part.toString().getBytes(StandardCharsets.UTF_8));
        }
        return out.toByteArray();
    }
}
