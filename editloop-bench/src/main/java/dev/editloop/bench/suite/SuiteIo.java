package dev.editloop.bench.suite;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.editloop.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * What the loaders share: reading JSON with one-line errors, field access that names the record and the field,
 * image checks, and the data hash.
 *
 * <p>Every failure is an {@link InvalidInputException} whose message is one line: {@code <file>: <record>: <what>}.
 */
final class SuiteIo {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();

    private SuiteIo() {}

    /** A one-line failure naming the file, the record and what is wrong with it. */
    static InvalidInputException fail(String file, String record, String what) {
        return new InvalidInputException(oneLine(file + ": " + record + ": " + what));
    }

    /** A one-line failure about a whole file. */
    static InvalidInputException fail(String file, String what) {
        return new InvalidInputException(oneLine(file + ": " + what));
    }

    /** How a record is named in messages: {@code case "123"}. */
    static String caseName(String id) {
        return "case \"" + id + "\"";
    }

    /** The data path, which must exist. */
    static Path existing(String suite, Path data) {
        if (data == null) {
            throw new InvalidInputException(suite + ": no --data path given");
        }
        if (!Files.exists(data)) {
            throw new InvalidInputException(suite + ": --data " + data + " does not exist");
        }
        return data.toAbsolutePath().normalize();
    }

    /**
     * The file a suite reads: {@code data} itself when it is a file, else {@code data/name}.
     *
     * @throws InvalidInputException naming what was looked for
     */
    static Path fileIn(String suite, Path data, String name) {
        Path path = existing(suite, data);
        if (Files.isDirectory(path)) {
            Path file = path.resolve(name);
            if (!Files.isRegularFile(file)) {
                throw new InvalidInputException(suite + ": no " + name + " in " + path);
            }
            return file;
        }
        return path;
    }

    /** Reads a JSON file; a syntax error becomes one line with the position. */
    static JsonNode readJson(Path file, String shownAs) {
        try {
            return MAPPER.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " at line " + where.getLineNr() + ", column " + where.getColumnNr();
            throw fail(shownAs, "not valid JSON" + at + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw fail(shownAs, "cannot be read: " + e.getMessage());
        }
    }

    /** Parses one JSON text (a JSONL line); a syntax error becomes one line naming the record. */
    static JsonNode readJson(String text, String shownAs, String record) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " at column " + where.getColumnNr();
            throw fail(shownAs, record, "not valid JSON" + at + ": " + e.getOriginalMessage());
        }
    }

    /** A required text field (a JSON string or number), never blank. */
    static String text(JsonNode node, String field, String file, String record) {
        String value = optionalText(node, field, file, record);
        if (value == null) {
            throw fail(file, record, "field \"" + field + "\" is missing");
        }
        return value;
    }

    /** An optional text field: null when absent, null or blank; a string or a number, else a failure. */
    static String optionalText(JsonNode node, String field, String file, String record) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() && !value.isNumber()) {
            throw fail(file, record, "field \"" + field + "\" must be text, got " + kind(value));
        }
        String text = value.asText();
        return text.isBlank() ? null : text;
    }

    /** A JSON node's kind, for messages. */
    static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "a list";
            case OBJECT -> "an object";
            case BOOLEAN -> "a boolean";
            case NUMBER -> "a number";
            case STRING -> "text";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /**
     * An image a record names, resolved against a root, which must be a readable file.
     *
     * @param field the record's field, named in the failure
     */
    static Path image(Path root, String relative, String field, String file, String record) {
        Path path;
        try {
            path = root.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            throw fail(file, record, field + " " + relative + " is not a valid path");
        }
        if (!Files.isRegularFile(path)) {
            throw fail(file, record, field + " " + relative + " not found under " + root);
        }
        return path;
    }

    /**
     * SHA-256 over the files' bytes, in the order given, hex. One file hashes to the same value as {@code sha256sum}
     * gives; several hash as their concatenation.
     */
    static String sha256(List<Path> files) {
        MessageDigest digest = sha256();
        byte[] buffer = new byte[1 << 16];
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    digest.update(buffer, 0, n);
                }
            } catch (IOException e) {
                throw new InvalidInputException("cannot read " + file + " to hash it: " + e.getMessage(), e);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of bytes, hex. */
    static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }

    private static String oneLine(String message) {
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
