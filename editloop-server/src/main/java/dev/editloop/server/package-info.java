/**
 * EditLoop as a service: {@link dev.editloop.server.EditLoopServer} (the JDK's HTTP server on virtual threads), the
 * job API with live Server-Sent Events, the OpenAI-compatible {@code POST /v1/images/edits}, the web page, a bounded
 * job queue over one shared {@link dev.editloop.core.spi.BackendSession}, and jobs kept in SQLite ({@link
 * dev.editloop.server.JobStore}) beside their run folders.
 */
package dev.editloop.server;
