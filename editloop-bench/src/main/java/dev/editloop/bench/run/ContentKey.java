package dev.editloop.bench.run;

import dev.editloop.core.BackendIdentity;
import dev.editloop.core.image.Picture;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * A content hash of a backend call: SHA-256 over the backend's identity and every component of the call's record,
 * pictures by their pixels ({@link Picture#fingerprint()}), maps in key order, nested records by their components. New
 * components of a call record take part without a change here, so a cache key never ignores what a call carries.
 */
final class ContentKey {
    private ContentKey() {}

    /** The hex key of one call of a kind ({@code edit}, {@code critique}, {@code judge}…) on a backend. */
    static String of(String kind, BackendIdentity identity, Object... parts) {
        MessageDigest digest = sha256();
        StringBuilder text = new StringBuilder();
        text.append(kind).append('\u0000');
        append(text, identity);
        for (Object part : parts) {
            text.append('\u0001');
            append(text, part);
        }
        return HexFormat.of().formatHex(digest.digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void append(StringBuilder out, Object value) {
        switch (value) {
            case null -> out.append("null");
            case Picture p -> out.append("picture:").append(p.fingerprint());
            case BackendIdentity id -> {
                out.append("backend:")
                        .append(id.kind())
                        .append('|')
                        .append(id.model())
                        .append('|');
                out.append(id.endpoints()).append('|').append(id.params());
            }
            case Map<?, ?> map -> {
                TreeMap<String, Object> sorted = new TreeMap<>();
                map.forEach((k, v) -> sorted.put(String.valueOf(k), v));
                out.append('{');
                sorted.forEach((k, v) -> {
                    out.append(k).append('=');
                    append(out, v);
                    out.append(';');
                });
                out.append('}');
            }
            case Collection<?> list -> {
                out.append('[');
                for (Object v : list) {
                    append(out, v);
                    out.append(';');
                }
                out.append(']');
            }
            case Record r -> {
                out.append(r.getClass().getSimpleName()).append('(');
                for (RecordComponent c : r.getClass().getRecordComponents()) {
                    out.append(c.getName()).append('=');
                    try {
                        append(out, c.getAccessor().invoke(r));
                    } catch (ReflectiveOperationException e) {
                        throw new IllegalStateException("cannot read " + c.getName() + " of a " + r.getClass(), e);
                    }
                    out.append(',');
                }
                out.append(')');
            }
            default -> out.append(value.getClass().getSimpleName()).append(':').append(value);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JVM has no SHA-256", e);
        }
    }
}
