package org.seatreconciler.local.output;

/** Where the importer puts input lines that are not valid events. */
public interface RejectedLines {

    /**
     * @param line the 1-based line number in the events file
     * @param reason the reason code (MALFORMED)
     * @param detail what is wrong
     * @param original the line as read
     */
    void inputLine(long line, String reason, String detail, String original);
}
