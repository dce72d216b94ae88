/** Backend spec strings, the provider interface backend modules implement, and the registry that resolves specs. */
package dev.editloop.core.spi;
