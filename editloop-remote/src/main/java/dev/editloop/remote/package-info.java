/**
 * What every remote backend shares, with no vendor types: API keys read from environment variables and kept out of
 * every message, the common spec parameters ({@link dev.editloop.remote.RemoteSettings}), the one place where
 * HTTP statuses and I/O failures become EditLoop exceptions ({@link dev.editloop.remote.HttpFailures}), a small
 * HTTP transport over the JDK client, multipart bodies and endpoint pools. The retry wrapper that the backend
 * registry puts around every port lives in core ({@code dev.editloop.core.retry}).
 */
package dev.editloop.remote;
