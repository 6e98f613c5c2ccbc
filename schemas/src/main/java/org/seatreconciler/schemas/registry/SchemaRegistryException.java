package org.seatreconciler.schemas.registry;

/**
 * The registry answered, and refused the call for a reason that waiting does not fix: not authorised
 * (401, 403), a schema incompatible with the subject (409), a URL that is not a registry's (404 without
 * the registry's "schema not found" code). Its subclasses say what else can happen:
 * <ul>
 *   <li>{@link RegistryUnavailableException}: unreachable, timed out or a server error (5xx): try again later;</li>
 *   <li>{@link SchemaNotFoundException}: the registry has no schema with that id (40403);</li>
 *   <li>{@link UnusableSchemaException}: it has one, but not an Avro schema this client can parse.</li>
 * </ul>
 */
public class SchemaRegistryException extends RuntimeException {

    /** Confluent's {@code error_code} for "schema not found". */
    public static final int SCHEMA_NOT_FOUND = 40403;

    private final int errorCode;

    public SchemaRegistryException(int errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    protected SchemaRegistryException(int errorCode, String message, Throwable cause) {
        super(message, cause);
        this.errorCode = errorCode;
    }

    /** The registry's {@code error_code} (40403: schema not found), its HTTP status, or -1 when it gave none. */
    public int errorCode() {
        return errorCode;
    }
}
