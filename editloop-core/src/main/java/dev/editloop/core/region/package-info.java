/**
 * Region edits: a region of the source that may change ({@link dev.editloop.core.region.Region}), how well an edit
 * kept everything outside it ({@link dev.editloop.core.region.Preservation}), the feathered composite that puts the
 * outside back ({@link dev.editloop.core.region.Composite}), the edge check that says whether the composite shows a
 * seam ({@link dev.editloop.core.region.Seam}), and the editor wrapper that does all of it on every masked edit
 * ({@link dev.editloop.core.region.RegionGuard}).
 */
package dev.editloop.core.region;
