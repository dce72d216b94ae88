package dev.editloop.core.trajectory;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.editloop.core.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes and reads {@code trajectory.json}: snake_case, pretty-printed, unknown fields ignored on reading. Reads every
 * schema version from {@link Trajectory#OLDEST_SCHEMA_VERSION} on: version 1's {@code editor} and {@code thinker}
 * strings become {@link Trajectory.BackendRecord}s that keep the string as their display.
 */
public final class TrajectoryJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private TrajectoryJson() {}

    /** The JSON text of a trajectory. */
    public static String toJson(Trajectory trajectory) {
        try {
            return MAPPER.writeValueAsString(trajectory) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise a trajectory", e);
        }
    }

    /**
     * Reads a trajectory from JSON text.
     *
     * @param where names the text's origin in error messages
     * @throws InvalidInputException when the text is not a trajectory of a version this code reads
     */
    public static Trajectory fromJson(String json, String where) {
        try {
            JsonNode tree = MAPPER.readTree(json);
            if (tree == null || !tree.isObject()) {
                throw new InvalidInputException(where + " is not a trajectory (expected a JSON object)");
            }
            JsonNode version = tree.get("schema_version");
            if (version == null || !version.canConvertToInt()) {
                throw new InvalidInputException(where + " has no schema_version: is it a trajectory.json?");
            }
            int v = version.asInt();
            if (v < Trajectory.OLDEST_SCHEMA_VERSION || v > Trajectory.SCHEMA_VERSION) {
                throw new InvalidInputException(where + " has schema_version " + v + "; this EditLoop reads versions "
                        + Trajectory.OLDEST_SCHEMA_VERSION + " to " + Trajectory.SCHEMA_VERSION);
            }
            ObjectNode object = (ObjectNode) tree;
            backendFromDisplay(object, "editor");
            backendFromDisplay(object, "thinker");
            return MAPPER.treeToValue(object, Trajectory.class);
        } catch (JsonProcessingException e) {
            throw new InvalidInputException(where + " is not valid trajectory JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Version 1 wrote a backend as its display string: read it as a record that keeps the string as display. */
    private static void backendFromDisplay(ObjectNode tree, String field) {
        JsonNode node = tree.get(field);
        if (node != null && node.isTextual()) {
            tree.set(field, MAPPER.valueToTree(Trajectory.BackendRecord.fromDisplay(node.asText())));
        }
    }

    /** Writes a trajectory atomically (a temporary file, then a rename), so readers never see half a file. */
    public static void write(Trajectory trajectory, Path path) {
        try {
            Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
            Files.writeString(tmp, toJson(trajectory));
            Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + path + ": " + e.getMessage(), e);
        }
    }

    /** Reads a trajectory file. */
    public static Trajectory read(Path path) {
        try {
            return fromJson(Files.readString(path), path.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("trajectory " + path + " does not exist");
        } catch (IOException e) {
            throw new InvalidInputException("trajectory " + path + " cannot be read: " + e.getMessage(), e);
        }
    }
}
