package org.seatreconciler.schemas.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.seatreconciler.avro.MemberRole;
import org.seatreconciler.avro.MembershipEvent;
import org.seatreconciler.avro.MembershipEventType;

/**
 * The membership event format of DESIGN.md section 4: its JSON form (the local mode's import
 * format) and the checks that make an event {@code MALFORMED}, in one place for every reader.
 */
public final class MembershipEvents {

    /** Two fields of one name would make the event ambiguous: refused, not "last one wins". */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    static final String TEXT_AFTER_OBJECT = "text after the JSON object (a line must be exactly one JSON object)";

    private MembershipEvents() {
    }

    /**
     * Parses one JSON line into an event, checked with {@link #malformation}. The line must be exactly
     * one JSON object: text after it ({@code {...} x}, {@code {...}{}}) is malformed, where Jackson would
     * silently ignore it. Unknown fields are ignored.
     *
     * @throws InvalidEventException with the MALFORMED detail
     */
    public static MembershipEvent fromJson(String line) {
        JsonNode node = singleJsonValue(line);
        if (node == null || !node.isObject()) {
            throw new InvalidEventException("not a JSON object");
        }
        MembershipEvent event = MembershipEvent.newBuilder()
                .setEventId(requiredText(node, "eventId"))
                .setType(enumValue(node, "type", MembershipEventType.class, true))
                .setOrgId(requiredText(node, "orgId"))
                .setMemberId(requiredText(node, "memberId"))
                .setOccurredAt(instant(node))
                .setActorId(optionalText(node, "actorId"))
                .setRole(enumValue(node, "role", MemberRole.class, false))
                .setAdmin(optionalBoolean(node, "admin"))
                .setOwner(optionalBoolean(node, "owner"))
                .build();
        malformation(event).ifPresent(detail -> {
            throw new InvalidEventException(detail);
        });
        return event;
    }

    /** The event as one JSON line, fields in the order of section 4, nulls left out. */
    public static String toJson(MembershipEvent event) {
        ObjectNode node = JSON.createObjectNode()
                .put("eventId", event.getEventId())
                .put("type", event.getType().name())
                .put("orgId", event.getOrgId())
                .put("memberId", event.getMemberId())
                .put("occurredAt", event.getOccurredAt().toString());
        if (event.getActorId() != null) {
            node.put("actorId", event.getActorId());
        }
        if (event.getRole() != null) {
            node.put("role", event.getRole().name());
        }
        if (event.getAdmin() != null) {
            node.put("admin", event.getAdmin());
        }
        if (event.getOwner() != null) {
            node.put("owner", event.getOwner());
        }
        return node.toString();
    }

    /**
     * What makes a decoded event malformed, or empty when it is well formed: an identifier that breaks
     * the rule of {@link Identifiers} (an empty one included), or a field its type requires left null.
     * A ROLE_CHANGED without an actor is not malformed: section 4 rejects it as an unauthorised role
     * change.
     */
    public static Optional<String> malformation(MembershipEvent event) {
        Optional<String> badId = Identifiers.problem("eventId", event.getEventId())
                .or(() -> Identifiers.problem("orgId", event.getOrgId()))
                .or(() -> Identifiers.problem("memberId", event.getMemberId()))
                .or(() -> event.getActorId() == null ? Optional.empty()
                        : Identifiers.problem("actorId", event.getActorId()));
        if (badId.isPresent()) {
            return badId;
        }
        String missing = switch (event.getType()) {
            case MEMBER_ADDED, ROLE_CHANGED -> event.getRole() == null ? "role" : null;
            case ADMIN_CHANGED -> event.getAdmin() == null ? "admin" : null;
            case OWNER_CHANGED -> event.getOwner() == null ? "owner" : null;
            case MEMBER_REMOVED -> null;
        };
        return Optional.ofNullable(missing).map(f -> f + " is required for " + event.getType());
    }

    private static JsonNode singleJsonValue(String line) {
        try (JsonParser parser = JSON.createParser(line)) {
            JsonNode node = JSON.readTree(parser);
            try {
                if (parser.nextToken() != null) {
                    throw new InvalidEventException(TEXT_AFTER_OBJECT);
                }
            } catch (JsonProcessingException e) {
                throw new InvalidEventException(TEXT_AFTER_OBJECT);
            }
            return node;
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String source does no I/O
        }
    }

    private static String requiredText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new InvalidEventException(field + " is missing");
        }
        if (!value.isTextual()) {
            throw new InvalidEventException(field + " must be a string, got " + value);
        }
        if (value.asText().isEmpty()) {
            throw new InvalidEventException(field + " is empty");
        }
        return value.asText();
    }

    private static String optionalText(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new InvalidEventException(field + " must be a string or null, got " + value);
        }
        return value.asText();
    }

    private static Boolean optionalBoolean(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw new InvalidEventException(field + " must be true, false or null, got " + value);
        }
        return value.booleanValue();
    }

    private static <E extends Enum<E>> E enumValue(JsonNode node, String field, Class<E> type, boolean required) {
        String text = required ? requiredText(node, field) : optionalText(node, field);
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException("unknown " + field + " '" + text + "', expected one of "
                    + Arrays.toString(type.getEnumConstants()));
        }
    }

    private static Instant instant(JsonNode node) {
        String text = requiredText(node, "occurredAt");
        try {
            Instant instant = Instant.parse(text);
            instant.toEpochMilli(); // Avro's timestamp-millis holds about +-292 million years
            return instant;
        } catch (ArithmeticException e) {
            throw new InvalidEventException("occurredAt '" + text + "' is out of range");
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("occurredAt '" + text + "' is not an ISO-8601 instant such as 2026-11-02T09:00:00Z");
        }
    }
}
