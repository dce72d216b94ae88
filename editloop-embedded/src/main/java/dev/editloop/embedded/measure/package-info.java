/**
 * Image measurements for the heuristic thinker and judge: pure, deterministic functions of pictures (tone, color,
 * texture, artifacts, structure), on the whole image, on a region or on its complement.
 *
 * <p>{@link dev.editloop.embedded.measure.Analysis} prepares a picture once (a small sample plane for statistics, a
 * decimated fine plane for pixel-level measures); {@link dev.editloop.embedded.measure.Measurements} measures one
 * image; {@link dev.editloop.embedded.measure.Comparison} compares an edit with its source.
 */
package dev.editloop.embedded.measure;
