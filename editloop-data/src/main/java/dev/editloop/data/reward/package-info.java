/**
 * The three GRPO rewards of a thinker's reply (DESIGN §7), as plain functions and a batch API a trainer's reward hook
 * or a server can call: {@link dev.editloop.data.reward.Rewards} holds the formulas, {@link
 * dev.editloop.data.reward.RewardBatch} scores a batch of replies (running the edits the edit reward needs,
 * concurrently, each distinct edit once), {@link dev.editloop.data.reward.EditScorer} is what runs and scores an edit.
 *
 * <ul>
 *   <li><b>format</b> ∈ {0, 0.5, 1}: 0.5 when the reply is exactly {@code <think>…</think><score>…</score>
 *       <answer>…</answer>} (each tag once, in this order, nothing outside, the answer not empty), plus 0.5 when the
 *       score block is a JSON object with numeric {@code semantic} and {@code quality} within 0–10;
 *   <li><b>critic</b> ∈ [0, 1]: 1 − (|SCₚ − SCₛ| + |PQₚ − PQₛ|) / 20, the predicted scores against the scorer's of
 *       the same image; 0 for a reply without readable scores;
 *   <li><b>edit</b> ∈ [−1, 1]: (Oₜ₊₁ − Oₜ) / 10, the scorer's overall √(SC·PQ) of the edit made with the refined
 *       instruction minus that of the turn being critiqued; 0 when the reply stops (SUCCESS, FAILED, or the answer
 *       repeats the instruction: the image stays as it is); −1 for a reply with no readable instruction or scores.
 * </ul>
 */
package dev.editloop.data.reward;
