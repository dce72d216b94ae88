package dev.editloop.core.spi;

import java.util.Objects;

/**
 * One row of {@code editloop backends check}: what a probe of one endpoint of a backend found.
 *
 * @param backend the spec, as displayed (no key)
 * @param endpoint the endpoint probed, or {@code (in process)} for embedded backends
 * @param reachable whether the endpoint answered at all
 * @param authenticated whether the key (or the absence of one) was accepted
 * @param model whether the model the spec names is present (or the workflow's nodes and files, for ComfyUI)
 * @param roundTripMillis the time of one real round trip (a tiny request of the backend's own kind), or null when
 *     none was made
 * @param detail one line: what was checked, or what failed and what to do
 */
public record BackendCheck(
        String backend,
        String endpoint,
        Status reachable,
        Status authenticated,
        Status model,
        Long roundTripMillis,
        String detail) {

    /** The outcome of one check. */
    public enum Status {
        /** Checked and fine. */
        OK("ok"),
        /** Checked and wrong. */
        FAILED("FAILED"),
        /** Could not be checked (an earlier check failed, or the server offers no way). */
        UNKNOWN("?"),
        /** Does not apply to this backend. */
        NOT_APPLICABLE("-");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** How the table shows it. */
        public String label() {
            return label;
        }
    }

    public BackendCheck {
        Objects.requireNonNull(backend, "backend");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(reachable, "reachable");
        Objects.requireNonNull(authenticated, "authenticated");
        Objects.requireNonNull(model, "model");
        detail = detail == null ? "" : detail;
    }

    /** Whether nothing failed. */
    public boolean ok() {
        return reachable != Status.FAILED && authenticated != Status.FAILED && model != Status.FAILED;
    }

    /** A row for an endpoint that could not be reached. */
    public static BackendCheck unreachable(String backend, String endpoint, String detail) {
        return new BackendCheck(backend, endpoint, Status.FAILED, Status.UNKNOWN, Status.UNKNOWN, null, detail);
    }
}
