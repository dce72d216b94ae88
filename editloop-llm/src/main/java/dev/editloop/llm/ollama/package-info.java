/** Backend kind {@code ollama}: thinker and judge over a vision model served by Ollama's native chat API. */
package dev.editloop.llm.ollama;
