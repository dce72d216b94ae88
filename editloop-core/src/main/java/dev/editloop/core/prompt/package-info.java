/**
 * The prompts the thinkers send: {@link dev.editloop.core.prompt.PromptTemplate} (text with {@code {{name}}}
 * placeholders) and {@link dev.editloop.core.prompt.Prompts} (the named defaults, each replaceable by a user's file).
 */
package dev.editloop.core.prompt;
