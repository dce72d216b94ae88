/** Editors over HTTP: one package per backend kind, sharing the image handling of this package. */
package dev.editloop.editors;
