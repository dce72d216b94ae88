/**
 * Backend {@code gemini-image}: Gemini's image models (e.g. {@code gemini-2.5-flash-image}) over the Gemini API's
 * {@code generateContent}, with the image sent inline and an image requested back.
 */
package dev.editloop.editors.gemini;
