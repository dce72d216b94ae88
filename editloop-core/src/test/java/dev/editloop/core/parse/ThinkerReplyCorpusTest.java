package dev.editloop.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.editloop.core.Critique;
import dev.editloop.core.Usage;
import dev.editloop.core.Verdict;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the parser over every reply in {@code thinker-replies/} and checks it against {@code expected.json}.
 */
class ThinkerReplyCorpusTest {
    private static final String FOLDER = "/thinker-replies/";
    private static final ThinkerReplyParser PARSER = new ThinkerReplyParser();

    static Stream<Arguments> corpus() {
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode entry : manifest().get("replies")) {
            cases.add(Arguments.of(entry.get("file").asText(), entry));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void parsesAsExpected(String file, JsonNode expected) {
        String raw = read(file);
        ThinkerReply reply =
                "reflect".equals(expected.get("mode").asText()) ? PARSER.parseReflection(raw) : PARSER.parse(raw);

        assertThat(reply.raw()).isEqualTo(raw);
        if (expected.has("unreadable")) {
            assertThat(reply).isInstanceOf(ThinkerReply.Unreadable.class);
            ThinkerReply.Unreadable unreadable = (ThinkerReply.Unreadable) reply;
            assertThat(unreadable.reason()).contains(expected.get("unreadable").asText());

            Critique critique = reply.toCritique(new Usage(10, 5));
            assertThat(critique.valid()).isFalse();
            assertThat(critique.semantic()).isNull();
            assertThat(critique.raw()).isEqualTo(raw);
            assertThat(critique.reasoning()).isEqualTo(unreadable.reason());
            return;
        }
        assertThat(reply)
                .as("reason: %s", reply instanceof ThinkerReply.Unreadable u ? u.reason() : "")
                .isInstanceOf(ThinkerReply.Readable.class);
        ThinkerReply.Readable readable = (ThinkerReply.Readable) reply;
        assertThat(readable.semantic()).isEqualTo(expected.get("semantic").asDouble());
        assertThat(readable.quality()).isEqualTo(expected.get("quality").asDouble());
        assertThat(readable.verdict())
                .isEqualTo(Verdict.valueOf(expected.get("verdict").asText()));
        JsonNode instruction = expected.get("instruction");
        assertThat(readable.instruction()).isEqualTo(instruction.isNull() ? null : instruction.asText());
        if (expected.has("reasoning_contains")) {
            assertThat(readable.reasoning())
                    .contains(expected.get("reasoning_contains").asText());
        }
        if (expected.has("target_contains")) {
            assertThat(readable.targetDescription())
                    .contains(expected.get("target_contains").asText());
        }

        Critique critique = reply.toCritique(new Usage(10, 5));
        assertThat(critique.valid()).isTrue();
        assertThat(critique.semantic()).isEqualTo(readable.semantic());
        assertThat(critique.quality()).isEqualTo(readable.quality());
        assertThat(critique.refinedInstruction()).isEqualTo(readable.instruction());
        assertThat(critique.verdict()).isEqualTo(readable.verdict());
        assertThat(critique.raw()).isEqualTo(raw);
        assertThat(critique.usage()).isEqualTo(new Usage(10, 5));
    }

    @Test
    void everyFileIsInTheManifestAndTheCorpusIsLargeEnough() throws IOException, URISyntaxException {
        Path folder = Path.of(Objects.requireNonNull(ThinkerReplyCorpusTest.class.getResource(FOLDER))
                .toURI());
        List<String> listed = new ArrayList<>();
        manifest().get("replies").forEach(e -> listed.add(e.get("file").asText()));
        try (Stream<Path> files = Files.list(folder)) {
            List<String> present = files.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("expected.json"))
                    .toList();
            assertThat(listed).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(present);
        }
        assertThat(listed).hasSizeGreaterThanOrEqualTo(35);
        long reflect = 0;
        long unreadable = 0;
        for (JsonNode e : manifest().get("replies")) {
            reflect += "reflect".equals(e.get("mode").asText()) ? 1 : 0;
            unreadable += e.has("unreadable") ? 1 : 0;
        }
        assertThat(reflect).isGreaterThanOrEqualTo(8);
        assertThat(unreadable).isGreaterThanOrEqualTo(10);
    }

    private static JsonNode manifest() {
        try {
            return new ObjectMapper().readTree(read("expected.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(String file) {
        try (InputStream in = ThinkerReplyCorpusTest.class.getResourceAsStream(FOLDER + file)) {
            return new String(Objects.requireNonNull(in, file).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
