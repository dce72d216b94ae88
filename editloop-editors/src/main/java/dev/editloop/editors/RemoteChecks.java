package dev.editloop.editors;

import dev.editloop.core.EditLoopException;
import dev.editloop.core.InvalidInputException;
import dev.editloop.core.image.Picture;
import dev.editloop.core.spi.BackendCheck;
import dev.editloop.core.spi.BackendCheck.Status;
import dev.editloop.core.spi.BackendSpec;
import dev.editloop.remote.HttpFailures;
import java.awt.Color;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the HTTP editors share for {@code editloop backends check} and for reading their spec: turning a failed probe
 * into a row that says which of reachable, authenticated and model failed, and a few spec-value readers.
 */
public final class RemoteChecks {
    private static final Pattern STATUS = Pattern.compile("\\bHTTP (\\d{3})\\b");

    private RemoteChecks() {}

    /** The tiny picture a {@code check_edit=true} probe edits: 64x64 grey. */
    public static Picture probeImage() {
        return Picture.solid(64, 64, Color.GRAY);
    }

    /**
     * The row for a probe that failed with an EditLoop exception: an I/O failure means unreachable; 401/403 a refused
     * key; 404 a missing model or route; 429 and 5xx a server that does not serve; any other failure (a 4xx, a reply
     * that cannot be used) a server that answered but not as the backend expects.
     *
     * @param prefix what was being done, e.g. {@code "the test edit failed: "}; may be empty
     */
    public static BackendCheck failed(String backend, URI endpoint, EditLoopException e, String prefix) {
        String where = HttpFailures.redact(endpoint);
        String detail = prefix + e.getMessage();
        if (e.getCause() instanceof IOException) {
            return BackendCheck.unreachable(backend, where, detail);
        }
        int status = status(e);
        if (status == 401 || status == 403) {
            return new BackendCheck(backend, where, Status.OK, Status.FAILED, Status.UNKNOWN, null, detail);
        }
        if (status == 404) {
            return new BackendCheck(backend, where, Status.OK, Status.UNKNOWN, Status.FAILED, null, detail);
        }
        if (status == 429 || status >= 500) {
            return new BackendCheck(backend, where, Status.FAILED, Status.UNKNOWN, Status.UNKNOWN, null, detail);
        }
        return new BackendCheck(backend, where, Status.OK, Status.UNKNOWN, Status.FAILED, null, detail);
    }

    /**
     * The row for a spec the backend refuses before any request (a missing key or model, a malformed parameter): a
     * missing key fails "authenticated", anything else fails "model".
     */
    public static BackendCheck invalid(BackendSpec spec, String defaultEndpoint, InvalidInputException e) {
        String endpoints = spec.endpoints().isEmpty()
                ? (defaultEndpoint == null ? "-" : defaultEndpoint)
                : String.join(
                        ",",
                        spec.endpoints().stream()
                                .map(u -> HttpFailures.redact(URI.create(u)))
                                .toList());
        boolean key = e.getMessage().contains("environment variable");
        return new BackendCheck(
                spec.display(),
                endpoints,
                Status.UNKNOWN,
                key ? Status.FAILED : Status.UNKNOWN,
                key ? Status.UNKNOWN : Status.FAILED,
                null,
                e.getMessage());
    }

    /** The HTTP status an exception from {@link HttpFailures#status} names, or -1. */
    public static int status(EditLoopException e) {
        Matcher m = STATUS.matcher(e.getMessage() == null ? "" : e.getMessage());
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }

    /**
     * A yes/no spec parameter ({@code true}/{@code false}, {@code yes}/{@code no}, {@code 1}/{@code 0}; a bare
     * {@code ?name} means true).
     *
     * @throws InvalidInputException when the value is none of these
     */
    public static boolean flag(BackendSpec spec, String name, boolean fallback) {
        String value = spec.param(name);
        if (value == null) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "", "true", "yes", "1", "on" -> true;
            case "false", "no", "0", "off" -> false;
            default ->
                throw new InvalidInputException(
                        "backend '" + spec.kind() + "': parameter " + name + "=" + value + " is not true or false");
        };
    }

    /** The first of the named parameters that is set, or null. */
    public static String firstParam(BackendSpec spec, List<String> names) {
        for (String name : names) {
            if (spec.param(name) != null) {
                return name;
            }
        }
        return null;
    }

    /**
     * The seed as sent to a server: reduced to 0..2^31−1, the range every editor server accepts (Gemini takes an
     * int32; torch generators and the EditThinker servers take non-negative integers), so equal seeds stay equal.
     */
    public static long wireSeed(long seed) {
        return Math.floorMod(seed, 1L << 31);
    }
}
