package org.seatreconciler.schemas.registry;

/** The registry refused a call or could not be reached. */
public class SchemaRegistryException extends RuntimeException {

    private final int errorCode;

    public SchemaRegistryException(int errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public SchemaRegistryException(String message, Throwable cause) {
        super(message, cause);
        this.errorCode = -1;
    }

    /** The registry's {@code error_code} (40403: schema not found), or -1 when it gave none. */
    public int errorCode() {
        return errorCode;
    }
}
