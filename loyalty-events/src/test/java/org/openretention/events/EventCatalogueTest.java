package org.openretention.events;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.openretention.events.interactions.InteractionKind;
import org.openretention.events.interactions.InteractionRecorded;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The topic catalogue {@code docs/events.md} and the example files {@code docs/examples/*.json} live in the same
 * repository as the schemas: every example must decode, so the catalogue can never show an invalid event. A
 * missing file fails the test, it is never skipped.
 */
class EventCatalogueTest {

    /** Surefire runs in the module directory; the docs are at the root of the repository. */
    private static final Path DOCS = Path.of("..", "docs");
    private static final Path CATALOGUE = DOCS.resolve("events.md");
    private static final Path EXAMPLES = DOCS.resolve("examples");
    private static final Pattern JSON_BLOCK = Pattern.compile("^```json[ \\t]*\\R(.*?)^```[ \\t]*$", Pattern.DOTALL | Pattern.MULTILINE);
    private static final Pattern SCHEMA_LINK = Pattern.compile("\\]\\(\\.\\./(loyalty-events/src/main/resources/schemas/[^)\\s]+)\\)");
    private static final Set<InteractionKind> KINDS_TO_SHOW = EnumSet.of(InteractionKind.REVIEW, InteractionKind.COMMENT,
            InteractionKind.SERVICE_CONTACT, InteractionKind.CHECK_IN, InteractionKind.PRODUCT_VIEW);

    private static final EventCodec CODEC = new EventCodec();

    @TestFactory
    Stream<DynamicTest> everyJsonBlockOfTheCatalogueDecodes() throws IOException {
        List<String> blocks = jsonBlocks();
        assertThat(blocks).as("```json blocks in " + CATALOGUE).hasSizeGreaterThanOrEqualTo(EventType.values().length);
        return blocks.stream().map(block -> DynamicTest.dynamicTest(firstLines(block),
                () -> assertThat(CODEC.decode(block)).isNotNull()));
    }

    @Test
    void theCatalogueShowsEveryEventTypeAndTheMainInteractionKinds() throws Exception {
        List<EventEnvelope<?>> events = decodeAll(jsonBlocks());

        assertThat(events.stream().map(EventEnvelope::eventType).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(EventType.class));
        assertThat(kindsOf(events)).containsAll(KINDS_TO_SHOW);
        InteractionRecorded review = interaction(events, InteractionKind.REVIEW);
        assertThat(review.text().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                .as("the REVIEW example is in Chinese").isTrue();
        assertThat(interaction(events, InteractionKind.COMMENT).language()).isEqualTo("en");
    }

    @TestFactory
    Stream<DynamicTest> everyExampleFileDecodesAndMatchesItsName() throws IOException {
        List<Path> files = exampleFiles();
        assertThat(files).as("*.json files in " + EXAMPLES).isNotEmpty();
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String json = Files.readString(file, StandardCharsets.UTF_8);
            EventEnvelope<?> event = CODEC.decode(json);
            String expectedName = event.payload() instanceof InteractionRecorded interaction
                    ? event.type() + "-" + interaction.kind() + ".json"
                    : event.type() + ".json";
            assertThat(file.getFileName()).hasToString(expectedName);
            assertThat(json.stripTrailing()).as("one line, for kcat").doesNotContain("\n", "\r");
        }));
    }

    @Test
    void everyEventTypeAndTheMainInteractionKindsHaveAnExampleFile() throws Exception {
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (Path file : exampleFiles()) {
            events.add(CODEC.decode(Files.readString(file, StandardCharsets.UTF_8)));
        }

        assertThat(events.stream().map(EventEnvelope::eventType).collect(Collectors.toSet()))
                .isEqualTo(EnumSet.allOf(EventType.class));
        assertThat(kindsOf(events)).containsAll(KINDS_TO_SHOW);
    }

    @Test
    void everyExampleFileIsOneOfTheCatalogueExamples() throws IOException {
        List<JsonNode> shown = new ArrayList<>();
        for (String block : jsonBlocks()) {
            shown.add(CODEC.objectMapper().readTree(block));
        }
        for (Path file : exampleFiles()) {
            JsonNode example = CODEC.objectMapper().readTree(Files.readString(file, StandardCharsets.UTF_8));
            assertThat(shown).as(file + " is also shown in " + CATALOGUE).contains(example);
        }
    }

    @Test
    void everyEventIdOfTheExamplesIsDistinct() throws Exception {
        List<EventEnvelope<?>> events = decodeAll(jsonBlocks());

        assertThat(events.stream().map(EventEnvelope::eventId)).doesNotHaveDuplicates();
    }

    @Test
    void theCatalogueNamesEveryTopicAndLinksOnlyToSchemaFilesThatExist() throws Exception {
        String catalogue = Files.readString(CATALOGUE, StandardCharsets.UTF_8);
        for (Field field : Topics.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == String.class && !field.getName().equals("DLQ_SUFFIX")) {
                assertThat(catalogue).contains("`" + field.get(null) + "`");
            }
        }
        for (String header : List.of("dead-letter-reason", "dead-letter-topic", "dead-letter-partition",
                "dead-letter-offset", "dead-letter-service")) {
            assertThat(catalogue).contains("`" + header + "`");
        }

        Matcher links = SCHEMA_LINK.matcher(catalogue);
        Set<String> linked = new java.util.TreeSet<>();
        while (links.find()) {
            linked.add(links.group(1));
        }
        assertThat(linked).as("schema links").hasSizeGreaterThan(EventType.values().length);
        for (String link : linked) {
            assertThat(DOCS.resolveSibling(link)).as(link).isRegularFile();
        }
        for (EventType type : EventType.values()) {
            assertThat(linked).contains("loyalty-events/src/main/resources/" + type.schemaResource());
        }
    }

    private static List<String> jsonBlocks() throws IOException {
        assertThat(CATALOGUE).as("the topic catalogue").isRegularFile();
        Matcher matcher = JSON_BLOCK.matcher(Files.readString(CATALOGUE, StandardCharsets.UTF_8));
        List<String> blocks = new ArrayList<>();
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    private static List<Path> exampleFiles() throws IOException {
        assertThat(EXAMPLES).as("the example folder").isDirectory();
        try (Stream<Path> files = Files.list(EXAMPLES)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().toList();
        }
    }

    private static List<EventEnvelope<?>> decodeAll(List<String> jsons) throws InvalidEventException {
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (String json : jsons) {
            events.add(CODEC.decode(json));
        }
        return events;
    }

    private static Set<InteractionKind> kindsOf(List<EventEnvelope<?>> events) {
        return events.stream()
                .filter(e -> e.payload() instanceof InteractionRecorded)
                .map(e -> ((InteractionRecorded) e.payload()).kind())
                .collect(Collectors.toSet());
    }

    private static InteractionRecorded interaction(List<EventEnvelope<?>> events, InteractionKind kind) {
        return events.stream()
                .filter(e -> e.payload() instanceof InteractionRecorded i && i.kind() == kind)
                .map(e -> (InteractionRecorded) e.payload())
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " example"));
    }

    private static String firstLines(String block) {
        String oneLine = block.replaceAll("\\s+", " ").strip();
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "…" : oneLine;
    }
}
