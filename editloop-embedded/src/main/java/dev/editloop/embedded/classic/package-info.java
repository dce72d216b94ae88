/**
 * The classic editor: a literal, deterministic editor that understands a documented vocabulary of concrete
 * instructions in plain English and carries them out on the pixels with OpenCV.
 */
package dev.editloop.embedded.classic;
