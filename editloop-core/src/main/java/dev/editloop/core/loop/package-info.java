/**
 * The loop engine and everything a run is made of: strategies, stop rules, turns, results, the events a run reports
 * and how they reach subscribers, cancellation and deadlines. {@link dev.editloop.core.loop.LoopEngine} shows the
 * whole loop; each {@link dev.editloop.core.loop.Strategy} decides its turns and stop rules through a {@link
 * dev.editloop.core.loop.RunContext}.
 */
package dev.editloop.core.loop;
