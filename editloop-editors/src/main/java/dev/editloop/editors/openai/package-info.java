/**
 * Backend {@code openai-images}: the OpenAI images edits protocol ({@code POST /v1/images/edits}, multipart), which
 * covers OpenAI's GPT-Image models, vLLM-Omni ({@code vllm serve … --omni}), SGLang's diffusion server and proxies such
 * as LiteLLM.
 */
package dev.editloop.editors.openai;
