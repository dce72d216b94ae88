package dev.editloop.bench.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.editloop.bench.BenchCase;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.Judgement;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/**
 * The JSON form of what a result store keeps: {@link Manifest}, {@link BenchCase}, {@link CaseOutcome} (with its
 * turns, case scores and judge records) and a single {@link Judgement}. Shared by every store (SQLite, PostgreSQL) and
 * the runner's judge cache, so that a run's records read the same wherever they are kept.
 *
 * <p>snake_case like {@code trajectory.json}; paths as plain text (as given, relative or absolute); instants in ISO-8601;
 * NaN scores as the string {@code "NaN"}; unknown fields ignored on reading, so older readers skip newer fields.
 */
public final class OutcomeJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule("editloop-bench")
                    .addSerializer(Path.class, new PathSerializer())
                    .addDeserializer(Path.class, new PathDeserializer())
                    .addSerializer(Instant.class, new InstantSerializer())
                    .addDeserializer(Instant.class, new InstantDeserializer()))
            .build();

    private OutcomeJson() {}

    /** The mapper, for stores that keep other values in the same form. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** A manifest as JSON text. */
    public static String manifest(Manifest manifest) {
        return write(manifest);
    }

    /**
     * A manifest from JSON text.
     *
     * @param where names the text's origin in error messages (e.g. the database file)
     */
    public static Manifest manifest(String json, String where) {
        return read(json, Manifest.class, where, "manifest");
    }

    /** A case as JSON text. */
    public static String benchCase(BenchCase benchCase) {
        return write(benchCase);
    }

    /** A case from JSON text. */
    public static BenchCase benchCase(String json, String where) {
        return read(json, BenchCase.class, where, "case");
    }

    /** A case outcome (turns, scores, judge records) as JSON text. */
    public static String outcome(CaseOutcome outcome) {
        return write(outcome);
    }

    /** A case outcome from JSON text. */
    public static CaseOutcome outcome(String json, String where) {
        return read(json, CaseOutcome.class, where, "case outcome");
    }

    /** A judgement as JSON text. */
    public static String judgement(Judgement judgement) {
        return write(judgement);
    }

    /** A judgement from JSON text. */
    public static Judgement judgement(String json, String where) {
        return read(json, Judgement.class, where, "judgement");
    }

    /** Any value of this package's records as JSON text. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName() + ": " + e.getOriginalMessage());
        }
    }

    /** Any value of this package's records from JSON text; a malformed text is one line naming {@code where}. */
    public static <T> T read(String json, Class<T> type, String where, String what) {
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new InvalidInputException(where + ": the stored " + what + " is empty");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(
                    where + ": the stored " + what + " cannot be read: " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(where + ": the stored " + what + " is not valid: " + e.getMessage(), e);
        }
    }

    private static final class PathSerializer extends JsonSerializer<Path> {
        @Override
        public void serialize(Path value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class PathDeserializer extends JsonDeserializer<Path> {
        @Override
        public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            return Path.of(p.getValueAsString());
        }
    }

    private static final class InstantSerializer extends JsonSerializer<Instant> {
        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider serializers) throws IOException {
            gen.writeString(value.toString());
        }
    }

    private static final class InstantDeserializer extends JsonDeserializer<Instant> {
        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            String text = p.getValueAsString();
            try {
                return Instant.parse(text);
            } catch (java.time.format.DateTimeParseException e) {
                throw ctxt.weirdStringException(text, Instant.class, "not an ISO-8601 instant");
            }
        }
    }
}
