/**
 * Retries as a wrapper around the ports: a policy (exponential backoff with jitter) and the wrapper the backend
 * registry puts once around every editor, thinker and judge it creates. Knows nothing of HTTP or of specs.
 */
package dev.editloop.core.retry;
