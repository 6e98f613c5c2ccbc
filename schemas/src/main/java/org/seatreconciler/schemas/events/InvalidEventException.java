package org.seatreconciler.schemas.events;

/** An event that breaks the format of DESIGN.md section 4; the message is the MALFORMED detail. */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String detail) {
        super(detail);
    }
}
