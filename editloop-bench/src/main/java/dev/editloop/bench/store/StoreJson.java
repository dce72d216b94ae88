package dev.editloop.bench.store;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import dev.editloop.core.NonRetriableException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;

/** The JSON text of the store's values, for {@link PostgresStore}'s text columns. */
final class StoreJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule()
                    .addSerializer(Instant.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider)
                                throws IOException {
                            gen.writeString(value.toString());
                        }
                    })
                    .addDeserializer(Instant.class, new JsonDeserializer<>() {
                        @Override
                        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                            return Instant.parse(p.getValueAsString());
                        }
                    })
                    .addSerializer(Path.class, new JsonSerializer<>() {
                        @Override
                        public void serialize(Path value, JsonGenerator gen, SerializerProvider provider)
                                throws IOException {
                            gen.writeString(value.toString());
                        }
                    })
                    .addDeserializer(Path.class, new JsonDeserializer<>() {
                        @Override
                        public Path deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
                            return Path.of(p.getValueAsString());
                        }
                    }))
            .build();

    private StoreJson() {}

    static String manifest(Manifest manifest) {
        return write(manifest);
    }

    static Manifest manifest(String json, String where) {
        return read(json, Manifest.class, "the manifest", where);
    }

    static String outcome(CaseOutcome outcome) {
        return write(outcome);
    }

    static CaseOutcome outcome(String json, String where) {
        return read(json, CaseOutcome.class, "a case outcome", where);
    }

    static String judgeRecord(JudgeRecord record) {
        return write(record);
    }

    private static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static <T> T read(String json, Class<T> type, String what, String where) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException | RuntimeException e) {
            throw new NonRetriableException(
                    "cannot read " + what + " stored in " + where + ": "
                            + e.getMessage().lines().findFirst().orElse(""),
                    e);
        }
    }
}
