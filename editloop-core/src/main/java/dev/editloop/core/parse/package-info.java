/**
 * Reading what a thinker model replies: {@link dev.editloop.core.parse.ThinkerReplyParser} turns raw text into a
 * {@link dev.editloop.core.parse.ThinkerReply} (readable, or unreadable with a reason) and from there into a
 * {@link dev.editloop.core.Critique}, tolerating the ways real models drift from the requested format but never
 * inventing a score; {@link dev.editloop.core.parse.ReplyRepair} asks a chat model again, a bounded number of times,
 * when a reply cannot be read.
 */
package dev.editloop.core.parse;
