/** Backend kind {@code gemini}: thinker and judge over Google's Gemini API. */
package dev.editloop.llm.gemini;
