/**
 * The {@code comfyui} editor: runs a ComfyUI workflow in API format whose inputs carry EditLoop's placeholders
 * ({@code {{image}}}, {@code {{prompt}}}, {@code {{seed}}}, {@code {{steps}}}, {@code {{guidance}}},
 * {@code {{negative_prompt}}}), with built-in workflows for Qwen-Image-Edit and FLUX.1 Kontext [dev]. Workflows are
 * checked against the server's {@code /object_info} before anything is queued.
 */
package dev.editloop.editors.comfyui;
