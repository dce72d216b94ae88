package dev.editloop.core.prompt;

import dev.editloop.core.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A prompt text with {@code {{name}}} placeholders, filled in by {@link #render(Map)}; immutable.
 *
 * <p>A placeholder is a name of letters, digits, underscores, hyphens and dots in double braces, with optional spaces
 * inside the braces ({@code {{ original_instruction }}}). Rendering replaces every placeholder in one pass, so a value
 * that itself contains {@code {{…}}} is inserted as it is. Braces that do not form a placeholder are left alone.
 */
public final class PromptTemplate {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_.-]*)\\s*}}");

    private final String name;
    private final String text;
    private final String origin;
    private final List<String> placeholders;

    private PromptTemplate(String name, String text, String origin) {
        this.name = Objects.requireNonNull(name, "name");
        this.text = Objects.requireNonNull(text, "text");
        this.origin = Objects.requireNonNull(origin, "origin");
        Set<String> found = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group(1));
        }
        this.placeholders = List.copyOf(found);
    }

    /** A template from text in memory. */
    public static PromptTemplate of(String name, String text) {
        return new PromptTemplate(name, text, "text");
    }

    /**
     * A template from a classpath resource (UTF-8).
     *
     * @param name the template's name, used in messages
     * @param resource an absolute resource path, e.g. {@code /dev/editloop/core/prompts/repair.txt}
     * @throws IllegalStateException when the resource is missing (a packaging error, not a user error)
     */
    public static PromptTemplate fromResource(String name, String resource) {
        try (InputStream in = PromptTemplate.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("prompt resource " + resource + " is missing from the classpath");
            }
            return new PromptTemplate(name, new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read prompt resource " + resource + ": " + e.getMessage(), e);
        }
    }

    /**
     * A template from a user's file (UTF-8), named after the file.
     *
     * @throws InvalidInputException when the file does not exist, is a folder, cannot be read or is not UTF-8 text
     */
    public static PromptTemplate fromFile(Path file) {
        return fromFile(String.valueOf(file.getFileName()), file);
    }

    /**
     * A template from a user's file (UTF-8).
     *
     * @param name the template's name, used in messages
     * @param file the file to read
     * @throws InvalidInputException when the file does not exist, is a folder, cannot be read or is not UTF-8 text
     */
    public static PromptTemplate fromFile(String name, Path file) {
        Objects.requireNonNull(file, "file");
        if (Files.isDirectory(file)) {
            throw new InvalidInputException("prompt file " + file + " is a folder: give the path of a UTF-8 text file");
        }
        try {
            return new PromptTemplate(name, Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (NoSuchFileException e) {
            throw new InvalidInputException("prompt file " + file + " does not exist: check the path", e);
        } catch (CharacterCodingException e) {
            throw new InvalidInputException("prompt file " + file + " is not UTF-8 text: save it as UTF-8", e);
        } catch (IOException e) {
            throw new InvalidInputException(
                    "cannot read prompt file " + file + " (" + e.getMessage()
                            + "): check that it exists and is readable",
                    e);
        }
    }

    /** The template's name, e.g. {@code think-while-edit}. */
    public String name() {
        return name;
    }

    /** The text with its placeholders, as loaded. */
    public String text() {
        return text;
    }

    /** Where the text came from: a resource path, a file path, or {@code text}. */
    public String origin() {
        return origin;
    }

    /**
     * The SHA-256 of the template's text (UTF-8, lower-case hex): how a backend's identity names the prompt it uses,
     * so that runs with different prompt files never group together.
     */
    public String sha256() {
        return dev.editloop.core.BackendIdentity.sha256(text);
    }

    /** The placeholder names the text uses, in order of first appearance. */
    public List<String> placeholders() {
        return placeholders;
    }

    /** Whether the text uses a placeholder of this name. */
    public boolean uses(String placeholder) {
        return placeholders.contains(placeholder);
    }

    /**
     * The text with every placeholder replaced by its value. Values for placeholders the text does not use are
     * ignored.
     *
     * @throws InvalidInputException when a placeholder has no value (or a null one); the message names the template,
     *     where it came from, the placeholders without a value and the values given
     */
    public String render(Map<String, String> values) {
        Objects.requireNonNull(values, "values");
        List<String> missing = new ArrayList<>();
        for (String p : placeholders) {
            if (values.get(p) == null) {
                missing.add(p);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("prompt '" + name + "' (" + origin + ") uses "
                    + missing.stream().map(p -> "{{" + p + "}}").toList()
                    + " but no value was given for it; values given: "
                    + values.keySet().stream().sorted().toList());
        }
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder(text.length() + 256);
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(values.get(m.group(1))));
        }
        m.appendTail(out);
        return out.toString();
    }

    @Override
    public String toString() {
        return "PromptTemplate[" + name + " from " + origin + ", placeholders " + placeholders + "]";
    }
}
