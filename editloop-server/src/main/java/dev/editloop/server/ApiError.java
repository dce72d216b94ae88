package dev.editloop.server;

import dev.editloop.core.NonRetriableException;

/**
 * A request the server answers with a 4xx status and a JSON error naming what is wrong ({@code param}: the field, or
 * null). Messages never hold a server path or a secret.
 */
final class ApiError extends NonRetriableException {
    final int status;
    final String param;
    final String retryAfter;

    ApiError(int status, String message, String param) {
        this(status, message, param, null);
    }

    ApiError(int status, String message, String param, String retryAfter) {
        super(message);
        this.status = status;
        this.param = param;
        this.retryAfter = retryAfter;
    }

    static ApiError bad(String message, String param) {
        return new ApiError(400, message, param);
    }

    static ApiError notFound(String message) {
        return new ApiError(404, message, null);
    }

    /** The OpenAI-style error type for the status. */
    String type() {
        return switch (status) {
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 409 -> "conflict_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
    }
}
