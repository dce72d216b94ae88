/** The offline, deterministic backends: shared OpenCV loading and conversion. */
package dev.editloop.embedded;
