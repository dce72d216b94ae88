/**
 * The heuristic thinker and judge: offline, deterministic backends that read a request with the classic editor's
 * parser and a {@link dev.editloop.embedded.heuristic.KnowledgeBase} of abstract concepts, measure the intended
 * effects on the pixels, score semantic consistency and perceptual quality from those measurements, and refine the
 * instruction.
 *
 * <p>{@link dev.editloop.embedded.heuristic.HeuristicThinker} and {@link dev.editloop.embedded.heuristic.HeuristicJudge}
 * are the entry points; {@link dev.editloop.embedded.heuristic.Intent}, {@link dev.editloop.embedded.heuristic.Effect}
 * and {@link dev.editloop.embedded.heuristic.Evaluator} are the reasoning they share.
 */
package dev.editloop.embedded.heuristic;
