package dev.editloop.bench.run;

import dev.editloop.core.BackendIdentity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The case folders of a run: {@code cases/<safe id>/}, named so that any case id makes a distinct, portable name. */
final class CaseDirs {
    /** The folder of case folders in a run folder. */
    static final String DIR = "cases";

    private static final Pattern UNSAFE = Pattern.compile("[^A-Za-z0-9._-]");

    private CaseDirs() {}

    /**
     * A file name for a case id: the id itself when it is made of letters, digits, {@code .}, {@code _} and {@code -}
     * (and short, not starting with a dot); else the id with other characters as {@code _} and a short hash of the id,
     * so that two ids never share a folder.
     */
    static String name(String id) {
        String safe = UNSAFE.matcher(id).replaceAll("_");
        if (safe.equals(id) && id.length() <= 100 && !id.startsWith(".")) {
            return id;
        }
        if (safe.length() > 80) {
            safe = safe.substring(0, 80);
        }
        if (safe.startsWith(".")) {
            safe = "_" + safe.substring(1);
        }
        return safe + "-" + BackendIdentity.sha256(id).substring(0, 10);
    }

    /** The case's folder, relative to the run folder, with {@code /} separators (as outcomes record it). */
    static String relative(String id) {
        return DIR + "/" + name(id);
    }

    /** Deletes a folder and what it holds, if it exists (what an unfinished attempt left). */
    static void clear(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear the case folder " + dir + ": " + e.getMessage(), e);
        }
    }

    /** Puts the files of one folder into another: hard links where the file system allows, else copies. */
    static void linkOrCopy(Path from, Path to) {
        try {
            Files.createDirectories(to);
            try (Stream<Path> files = Files.list(from)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    Path target = to.resolve(f.getFileName().toString());
                    Files.deleteIfExists(target);
                    try {
                        Files.createLink(target, f);
                    } catch (IOException | UnsupportedOperationException e) {
                        if (e instanceof FileAlreadyExistsException) {
                            throw (IOException) e;
                        }
                        Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot copy the case folder " + from + " to " + to + ": " + e.getMessage(), e);
        }
    }
}
