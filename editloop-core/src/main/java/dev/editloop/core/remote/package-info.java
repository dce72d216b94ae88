/**
 * What every remote backend shares, with no vendor types: API keys read from environment variables and kept out of
 * every message, the common spec parameters ({@link dev.editloop.core.remote.RemoteSettings}), the one place where
 * HTTP statuses and I/O failures become EditLoop exceptions ({@link dev.editloop.core.remote.HttpFailures}), a small
 * HTTP transport over the JDK client, multipart bodies, endpoint pools, and the retry wrapper that the backend
 * registry puts around every remote port.
 */
package dev.editloop.core.remote;
