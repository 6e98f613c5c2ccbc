package org.seatreconciler.local.importing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * Splits a file into lines on its bytes, then decodes each line as UTF-8 on its own, so that a line that
 * is not valid UTF-8 is reported with its own number and the next line is read as usual (a reader that
 * decodes ahead fails the whole file and names the wrong line). A UTF-8 byte-order mark at the start is
 * skipped; {@code \n} ends a line and a {@code \r} before it is dropped. A line longer than
 * {@link #MAX_LINE_BYTES} is not kept in memory: it is reported as too long, with its start.
 */
final class Utf8Lines implements AutoCloseable {

    static final int MAX_LINE_BYTES = 1 << 20;
    /** How much of a line that cannot be used is kept to show it (in characters). */
    static final int SHOWN_CHARS = 1_000;
    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    /**
     * One line: {@code text} is the line when it is valid UTF-8 and not too long ({@code problem} null);
     * otherwise {@code problem} says why and {@code text} shows it (invalid bytes as U+FFFD, at most
     * {@link #SHOWN_CHARS} characters).
     */
    record Line(long number, String text, String problem) {
    }

    private final InputStream in;
    private final byte[] buffer = new byte[64 * 1024];
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] line = new byte[1024];
    private int lineLength;
    private long lineBytes;
    private int position;
    private int limit;
    private long number;
    private boolean started;

    Utf8Lines(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the file. */
    Line next() throws IOException {
        lineLength = 0;
        lineBytes = 0;
        boolean any = false;
        while (true) {
            if (position == limit && !fill()) {
                if (!any) {
                    return null;
                }
                break;
            }
            any = true;
            int end = indexOfNewline();
            int stop = end < 0 ? limit : end;
            append(position, stop - position);
            position = end < 0 ? limit : end + 1;
            if (end >= 0) {
                break;
            }
        }
        number++;
        if (lineLength > 0 && lineBytes <= MAX_LINE_BYTES && line[lineLength - 1] == '\r') {
            lineLength--;
            lineBytes--;
        }
        return decode();
    }

    private boolean fill() throws IOException {
        int read = in.readNBytes(buffer, 0, buffer.length);
        position = 0;
        limit = read;
        if (!started) {
            started = true;
            if (read >= BOM.length && Arrays.equals(buffer, 0, BOM.length, BOM, 0, BOM.length)) {
                position = BOM.length;
            }
        }
        return position < limit;
    }

    private int indexOfNewline() {
        for (int i = position; i < limit; i++) {
            if (buffer[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void append(int from, int length) {
        lineBytes += length;
        int keep = (int) Math.min(length, Math.max(0, MAX_LINE_BYTES + 1L - lineLength));
        if (keep == 0) {
            return;
        }
        if (lineLength + keep > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + keep));
        }
        System.arraycopy(buffer, from, line, lineLength, keep);
        lineLength += keep;
    }

    private Line decode() {
        if (lineBytes > MAX_LINE_BYTES) {
            return new Line(number, shown(), String.format(Locale.ROOT, "line is %,d bytes long, more than %,d",
                    lineBytes, MAX_LINE_BYTES));
        }
        if (isAscii()) { // most lines: a plain copy, no decoder
            return new Line(number, new String(line, 0, lineLength, StandardCharsets.ISO_8859_1), null);
        }
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, lineLength);
        CharBuffer chars = CharBuffer.allocate(lineLength);
        decoder.reset();
        CoderResult result = decoder.decode(bytes, chars, true);
        if (result.isError()) {
            return new Line(number, shown(), String.format(Locale.ROOT,
                    "line is not valid UTF-8: byte 0x%02X at byte %d", line[bytes.position()] & 0xff, bytes.position() + 1));
        }
        decoder.flush(chars);
        return new Line(number, chars.flip().toString(), null);
    }

    private boolean isAscii() {
        for (int i = 0; i < lineLength; i++) {
            if (line[i] < 0) {
                return false;
            }
        }
        return true;
    }

    private String shown() {
        String lossy = new String(line, 0, Math.min(lineLength, MAX_LINE_BYTES), StandardCharsets.UTF_8);
        return lossy.length() > SHOWN_CHARS ? lossy.substring(0, SHOWN_CHARS) + "..." : lossy;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
