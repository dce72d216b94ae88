/** The image value type that flows through the loop, and reading and writing image files with clear errors. */
package dev.editloop.core.image;
