package dev.editloop.bench.run;

import dev.editloop.core.BackendIdentity;
import java.util.HexFormat;

/** Seeds derived from the run's seed: one per case, one per judge call, the same on every resume and every host. */
final class Seeds {
    private Seeds() {}

    /** A seed from the run's seed and some parts (case id, turn, sample), as the first 8 bytes of a SHA-256. */
    static long of(long runSeed, Object... parts) {
        StringBuilder text = new StringBuilder(Long.toString(runSeed));
        for (Object part : parts) {
            text.append('\u0000').append(part);
        }
        String hex = BackendIdentity.sha256(text.toString());
        return HexFormat.fromHexDigitsToLong(hex, 0, 16) & Long.MAX_VALUE;
    }
}
