package dev.editloop.data;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.editloop.core.InvalidInputException;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * JSON Lines in and out, with snake_case names. Every file is written whole or not at all: to a temporary file in the
 * same folder, then renamed over the target, so a crash never leaves half a file where a stage's output should be.
 */
public final class Jsonl {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private Jsonl() {}

    /** The mapper every data file uses. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Reads every line of a file as a {@code type}; a bad line is bad input naming the file and line. */
    public static <T> List<T> read(Path file, Class<T> type) {
        List<T> out = new ArrayList<>();
        forEach(file, type, out::add);
        return out;
    }

    /** Streams a file's records. */
    public static <T> void forEach(Path file, Class<T> type, Consumer<T> each) {
        try (var reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                T value;
                try {
                    value = MAPPER.readValue(line, type);
                } catch (IOException | RuntimeException e) {
                    throw new InvalidInputException(
                            file + " line " + number + ": not a " + type.getSimpleName() + " record (" + firstLine(e)
                                    + ")",
                            e);
                }
                each.accept(value);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes records to a file atomically (temporary file, then rename). */
    public static void write(Path file, Iterable<?> records) {
        atomically(file, out -> {
            for (Object r : records) {
                out.write(MAPPER.writeValueAsString(r));
                out.write('\n');
            }
        });
    }

    /** Writes one JSON document (pretty) atomically. */
    public static void writeJson(Path file, Object value) {
        atomically(
                file, out -> out.write(MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(value) + "\n"));
    }

    /** Reads one JSON document. */
    public static <T> T readJson(Path file, Class<T> type) {
        try {
            return MAPPER.readValue(file.toFile(), type);
        } catch (IOException e) {
            throw new InvalidInputException("cannot read " + file + ": " + firstLine(e), e);
        }
    }

    /** Something that writes a file's text. */
    @FunctionalInterface
    public interface Body {
        void write(BufferedWriter out) throws IOException;
    }

    /** Writes a text file atomically: the body writes a temporary file, which is then renamed over {@code file}. */
    public static void atomically(Path file, Body body) {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                body.write(out);
            }
            move(tmp, file);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the temporary file stays; the next run overwrites it
            }
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Renames a finished temporary file over its target, atomically where the file system can. */
    public static void move(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (java.nio.file.AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }
}
