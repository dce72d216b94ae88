/**
 * Thinkers and judges over chat models, built on LangChain4j: one package per backend kind, sharing the prompt, image
 * and reply handling of this package.
 */
package dev.editloop.llm;
