package dev.editloop.bench.run;

import dev.editloop.bench.store.OutcomeJson;
import dev.editloop.core.BackendIdentity;
import dev.editloop.core.EditCall;
import dev.editloop.core.EditResult;
import dev.editloop.core.Editor;
import dev.editloop.core.EditorCapabilities;
import dev.editloop.core.Usage;
import dev.editloop.core.image.Picture;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * An editor whose answers are kept in the run's {@link ContentCache}, keyed by the editor's identity and the whole call
 * (source pixels, instruction, seed, mask, options): a case resumed after a crash, or redone with {@code
 * --retry-failed}, does not edit again what it already edited.
 */
final class CachedEditor implements Editor {
    private final Editor editor;
    private final ContentCache cache;
    private final CallCounts.Role counts;
    private final BackendIdentity identity;

    CachedEditor(Editor editor, ContentCache cache, CallCounts.Role counts) {
        this.editor = editor;
        this.cache = cache;
        this.counts = counts;
        this.identity = editor.identity();
    }

    @Override
    public EditResult edit(EditCall call) {
        String key = ContentKey.of("edit", identity, call);
        Optional<byte[]> png = cache.get("edit", key, "png");
        Optional<byte[]> meta = png.isPresent() ? cache.get("edit", key, "json") : Optional.empty();
        if (png.isPresent() && meta.isPresent()) {
            Sidecar sidecar = readSidecar(meta.get(), key);
            if (sidecar != null) {
                counts.cached.incrementAndGet();
                return new EditResult(
                        Picture.decode(png.get(), "cached edit " + key), sidecar.notes(), sidecar.usage());
            }
        }
        EditResult result;
        try {
            result = editor.edit(call);
        } catch (RuntimeException e) {
            counts.failed.incrementAndGet();
            throw e;
        }
        counts.calls.incrementAndGet();
        // the sidecar first: an entry counts only when its image is there too
        cache.put(
                "edit",
                key,
                "json",
                OutcomeJson.write(new Sidecar(result.notes(), result.usage())).getBytes(StandardCharsets.UTF_8));
        cache.put("edit", key, "png", result.image().png());
        return result;
    }

    private static Sidecar readSidecar(byte[] bytes, String key) {
        try {
            return OutcomeJson.mapper().readValue(bytes, Sidecar.class);
        } catch (java.io.IOException e) {
            return null; // an unreadable entry is a miss: the edit is made again and the entry rewritten
        }
    }

    @Override
    public EditorCapabilities capabilities() {
        return editor.capabilities();
    }

    @Override
    public BackendIdentity identity() {
        return identity;
    }

    @Override
    public String describe() {
        return editor.describe();
    }

    /** What an edit returns besides its image. */
    record Sidecar(List<String> notes, Usage usage) {}
}
