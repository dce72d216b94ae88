/**
 * Backend kind {@code openai-chat}: thinker and judge over OpenAI chat completions and the servers that speak them
 * (vLLM, SGLang, llama.cpp server, LiteLLM, DashScope compatible mode).
 */
package dev.editloop.llm.openai;
