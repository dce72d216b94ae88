/**
 * Subject and background: a soft matte of the photo's main subject, for the classic editor's background operations
 * (blur, plain colour). {@link dev.editloop.embedded.segment.SubjectMatte} finds it from saliency and GrabCut and
 * refines its edge along the image's own edges.
 */
package dev.editloop.embedded.segment;
