package org.openretention.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema files themselves: valid draft 2020-12, identified as the codec expects, and open to unknown fields. */
class SchemaFilesTest {

    private static final ObjectMapper MAPPER = EventCodec.newObjectMapper();
    private static final JsonSchema META_SCHEMA = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
            .getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));

    static Stream<String> schemaResources() {
        return Stream.concat(Stream.of("schemas/envelope.schema.json"),
                Stream.of(EventType.values()).map(EventType::schemaResource));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void eachEventSchemaIsIdentifiedDescribedAndBuiltOnTheEnvelope(EventType type) throws IOException {
        JsonNode schema = read(type.schemaResource());

        assertThat(schema.path("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.path("$id").asText()).isEqualTo(EventCodec.SCHEMA_ID_PREFIX + type.typeName() + ".schema.json");
        assertThat(schema.path("title").asText()).isEqualTo(type.typeName());
        assertThat(schema.path("description").asText()).hasSizeGreaterThan(20).contains("Topic: " + type.topic());
        assertThat(schema.path("$ref").asText()).isEqualTo("envelope.schema.json#/$defs/envelope");
        assertThat(schema.at("/properties/type/const").asText()).isEqualTo(type.typeName());
        assertThat(schema.at("/properties/schemaVersion/const").isInt()).isTrue();
        assertThat(schema.at("/properties/schemaVersion/const").intValue()).isEqualTo(type.schemaVersion());
    }

    @Test
    void envelopeSchemaRequiresEveryEnvelopeField() throws IOException {
        JsonNode envelope = read("schemas/envelope.schema.json");

        assertThat(envelope.path("$id").asText()).isEqualTo(EventCodec.SCHEMA_ID_PREFIX + "envelope.schema.json");
        List<String> required = new ArrayList<>();
        envelope.at("/$defs/envelope/required").forEach(n -> required.add(n.asText()));
        assertThat(required).containsExactlyInAnyOrder("eventId", "type", "schemaVersion", "occurredAt", "customerId", "source", "payload");
        assertThat(envelope.at("/$defs").fieldNames()).toIterable()
                .contains("envelope", "uuid", "timestamp", "date", "currency", "money", "positiveMoney",
                        "points", "positivePoints", "tierName");
    }

    @Test
    void everySchemaFileIsValidAgainstTheDraft202012MetaSchema() throws IOException {
        for (String resource : schemaResources().toList()) {
            Set<ValidationMessage> problems = META_SCHEMA.validate(read(resource));
            assertThat(problems).as(resource).isEmpty();
        }
    }

    @Test
    void theMetaSchemaCheckCanFail() {
        JsonNode broken = MAPPER.createObjectNode().put("type", "strnig").put("minLength", -1);
        assertThat(META_SCHEMA.validate(broken)).isNotEmpty();
    }

    @Test
    void noSchemaForbidsUnknownProperties() throws IOException {
        for (String resource : schemaResources().toList()) {
            List<String> closed = new ArrayList<>();
            collectClosedObjects(read(resource), "#", closed);
            assertThat(closed).as(resource + ": additionalProperties/unevaluatedProperties false").isEmpty();
        }
    }

    @Test
    void theClosedObjectCheckCanFail() {
        JsonNode closedItem = MAPPER.createObjectNode().set("items", MAPPER.createObjectNode().put("additionalProperties", false));
        List<String> closed = new ArrayList<>();

        collectClosedObjects(closedItem, "#", closed);

        assertThat(closed).containsExactly("#/items/additionalProperties");
    }

    private static void collectClosedObjects(JsonNode node, String at, List<String> closed) {
        if (node.isObject()) {
            for (String keyword : List.of("additionalProperties", "unevaluatedProperties")) {
                if (node.path(keyword).isBoolean() && !node.path(keyword).booleanValue()) {
                    closed.add(at + "/" + keyword);
                }
            }
            node.fields().forEachRemaining(f -> collectClosedObjects(f.getValue(), at + "/" + f.getKey(), closed));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collectClosedObjects(node.get(i), at + "/" + i, closed);
            }
        }
    }

    private static JsonNode read(String resource) throws IOException {
        try (InputStream in = SchemaFilesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource + " on the classpath").isNotNull();
            return MAPPER.readTree(in);
        }
    }
}
