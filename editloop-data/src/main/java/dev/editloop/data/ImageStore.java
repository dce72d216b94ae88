package dev.editloop.data;

import dev.editloop.core.BackendIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The data set's images, each stored once under the SHA-256 of its bytes ({@code images/<sha256>.png}, the extension
 * kept from the file): the same source image used by a thousand cases, or two turns that made the same pixels, take
 * the room of one. A file is written to a temporary name and renamed, so a stored image is always whole.
 */
public final class ImageStore {
    private final Path dir;

    public ImageStore(Path dir) {
        this.dir = dir;
    }

    /**
     * Stores a file's bytes (hard link where possible, else a copy) and returns its name relative to the data folder,
     * e.g. {@code images/3f…9a.png}.
     */
    public String put(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            String name = BackendIdentity.sha256(bytes) + extension(file);
            Path target = dir.resolve(name);
            if (!Files.exists(target)) {
                Files.createDirectories(dir);
                Path tmp = dir.resolve(name + ".tmp");
                Files.write(tmp, bytes);
                Jsonl.move(tmp, target);
            }
            return "images/" + name;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store the image " + file + ": " + e.getMessage(), e);
        }
    }

    private static String extension(Path file) {
        String n = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        int dot = n.lastIndexOf('.');
        String ext = dot < 0 ? "" : n.substring(dot);
        return ext.matches("\\.(png|jpe?g|webp|bmp|gif)") ? ext : ".png";
    }
}
