/** Backend kind {@code anthropic}: thinker and judge over Anthropic's Messages API. */
package dev.editloop.llm.anthropic;
