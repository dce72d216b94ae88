/**
 * Backend {@code editthinker-http}: the editor servers of the EditThinker reference code (FastAPI services for FLUX.1
 * Kontext, Qwen-Image-Edit and OmniGen2): {@code POST /edit} with a JSON body holding a base64 image, {@code GET
 * /health}.
 */
package dev.editloop.editors.editthinker;
