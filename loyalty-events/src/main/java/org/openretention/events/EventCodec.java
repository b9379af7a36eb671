package org.openretention.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reads and writes events as JSON. Decoding validates the whole event against the JSON Schema of its type
 * (the same files a shop backend in any language validates with), so a record that lacks a required field or
 * has a wrong type is rejected with the offending field named; unknown fields are ignored, for forward
 * compatibility. Thread-safe: create one and share it.
 */
public final class EventCodec {

    /** The {@code $id} prefix of every schema; resolved from the classpath, never fetched. */
    public static final String SCHEMA_ID_PREFIX = "https://openretention.org/schemas/";

    private final ObjectMapper mapper;
    private final Map<EventType, JsonSchema> schemas = new EnumMap<>(EventType.class);

    public EventCodec() {
        this.mapper = newObjectMapper();
        JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                builder -> builder.schemaMappers(m -> m.mapPrefix(SCHEMA_ID_PREFIX, "classpath:schemas/")));
        // In draft 2020-12 "format" is only an annotation by default: assert it, so that a malformed
        // date-time, date or uuid is rejected (the schemas also carry equivalent patterns for other validators).
        SchemaValidatorsConfig config = SchemaValidatorsConfig.builder()
                .formatAssertionsEnabled(true)
                .locale(Locale.ENGLISH)
                .pathType(PathType.LEGACY) // problems name fields as $.payload.items[0].quantity
                .build();
        for (EventType type : EventType.values()) {
            JsonSchema schema = factory.getSchema(SchemaLocation.of("classpath:" + type.schemaResource()), config);
            schema.initializeValidators();
            schemas.put(type, schema);
        }
    }

    /** The JSON mapping events use: ISO-8601 strings for times, decimal numbers for money, unknown fields ignored. */
    public static ObjectMapper newObjectMapper() {
        return JsonMapper.builder()
                .addModule(new JavaTimeModule())
                // same text as JavaTimeModule's serializer (ISO-8601, UTC), written without a DateTimeFormatter
                .addModule(new com.fasterxml.jackson.databind.module.SimpleModule("fast-instants")
                        .addSerializer(Instant.class, new IsoInstants.Serializer()))
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                // keep money exact: without this, reading a tree turns 120.50 into 120.5 (BigDecimal scale lost)
                .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
                .build();
    }

    public ObjectMapper objectMapper() {
        return mapper;
    }

    public EventEnvelope<?> decode(String json) throws InvalidEventException {
        if (json == null) {
            throw new InvalidEventException(List.of("$: record has no value"));
        }
        return decode(json.getBytes(StandardCharsets.UTF_8));
    }

    public EventEnvelope<?> decode(byte[] json) throws InvalidEventException {
        if (json == null || json.length == 0) {
            throw new InvalidEventException(List.of("$: record has no value"));
        }
        JsonNode tree;
        try {
            tree = mapper.readTree(json);
        } catch (IOException e) {
            throw new InvalidEventException("$: not valid JSON: " + firstLine(e.getMessage()), e);
        }
        if (tree == null || !tree.isObject()) {
            throw new InvalidEventException(List.of("$: an event must be a JSON object"));
        }
        JsonNode typeNode = tree.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            throw new InvalidEventException(List.of("$.type: required string property is missing"));
        }
        EventType type = EventType.byName(typeNode.asText())
                .orElseThrow(() -> new InvalidEventException(List.of("$.type: unknown event type '" + typeNode.asText() + "'")));
        Set<ValidationMessage> violations = schemas.get(type).validate(tree);
        if (!violations.isEmpty()) {
            throw new InvalidEventException(violations.stream().map(EventCodec::describe).distinct().sorted().toList());
        }
        try {
            EventPayload payload = mapper.treeToValue(tree.get("payload"), type.payloadType());
            return new EventEnvelope<>(
                    UUID.fromString(tree.get("eventId").asText()),
                    type.typeName(),
                    tree.get("schemaVersion").asInt(),
                    IsoInstants.parse(tree.get("occurredAt").asText()),
                    tree.get("customerId").asText(),
                    tree.get("source").asText(),
                    payload);
        } catch (JsonMappingException e) {
            // the schema accepted it but the record does not map: a schema/record mismatch, still the sender's data
            throw new InvalidEventException(pathOf("$.payload", e) + ": " + firstLine(e.getOriginalMessage()), e);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new InvalidEventException("$: " + firstLine(e.getMessage()), e);
        }
    }

    public String encode(EventEnvelope<?> event) {
        try {
            return mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] encodeBytes(EventEnvelope<?> event) {
        try {
            return mapper.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One problem as {@code <json path>: <what is wrong>}. A missing required property is reported at the
     * property's own path ({@code $.payload.amount}), not at its parent object's.
     */
    private static String describe(ValidationMessage violation) {
        if ("required".equals(violation.getType()) && violation.getProperty() != null) {
            return violation.getInstanceLocation().append(violation.getProperty())
                    + ": required property '" + violation.getProperty() + "' is missing";
        }
        return violation.getMessage();
    }

    private static String pathOf(String root, JsonMappingException e) {
        StringBuilder path = new StringBuilder(root);
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
