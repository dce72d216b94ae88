package dev.editloop.bench.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The run's cache of backend answers by content, one file per key: {@code cache/<kind>/<first two hex digits>/<key>.<ext>}
 * under the run folder. Files are written to a temporary name and renamed, so a reader (or a resume after {@code kill
 * -9}) never sees half an entry; two workers writing the same key write the same bytes. Nothing is held in memory.
 *
 * <p>Kinds: {@code edit} (the edited PNG, and a JSON sidecar with the editor's notes), {@code critique} and {@code plan}
 * (the thinker's answers as JSON) and {@code judge} (a judgement as JSON). Failures are never cached.
 */
final class ContentCache {
    /** The cache's folder name in the run folder. */
    static final String DIR = "cache";

    private static final String PROCESS = ProcessHandle.current().pid() + "-"
            + Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong());
    private static final AtomicLong TEMP = new AtomicLong();

    private final Path root;
    /** The shard folders this instance has made (at most a few hundred paths), so each is made once. */
    private final Set<Path> made = ConcurrentHashMap.newKeySet();

    ContentCache(Path runDir) {
        this.root = runDir.resolve(DIR);
    }

    /** The bytes stored under a key, if any. */
    Optional<byte[]> get(String kind, String key, String ext) {
        Path file = path(kind, key, ext);
        if (!Files.isRegularFile(file)) {
            return Optional.empty(); // the common case of a fresh run, without the cost of an exception
        }
        try {
            return Optional.of(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the cache entry " + path(kind, key, ext), e);
        }
    }

    /** Stores bytes under a key (atomically: a temporary file, then a rename). */
    void put(String kind, String key, String ext, byte[] bytes) {
        Path target = path(kind, key, ext);
        try {
            Path parent = target.getParent();
            if (!made.contains(parent)) { // createDirectories costs a failing mkdir (and an exception) on every call
                Files.createDirectories(parent);
                made.add(parent);
            }
            // a name no other writer uses (a random prefix per process, as hosts sharing the folder may have equal
            // process ids, and a counter), without the SecureRandom of Files.createTempFile
            Path tmp = target.resolveSibling(".tmp-" + key + "-" + PROCESS + "-" + TEMP.incrementAndGet() + "." + ext);
            boolean moved = false;
            try {
                try {
                    Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                } catch (NoSuchFileException e) { // the folder was removed meanwhile
                    Files.createDirectories(parent);
                    Files.write(tmp, bytes, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                }
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                moved = true;
            } finally {
                if (!moved) {
                    Files.deleteIfExists(tmp);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the cache entry " + target + ": " + e.getMessage(), e);
        }
    }

    private Path path(String kind, String key, String ext) {
        return root.resolve(kind).resolve(key.substring(0, 2)).resolve(key + "." + ext);
    }
}
