/**
 * Backend spec strings, the provider interface backend modules implement, the registry that resolves specs, and the
 * session that shares one backend per spec across every run of a process and closes each once.
 */
package dev.editloop.core.spi;
