/**
 * The loop engine and everything a run is made of: strategies, stop rules, turns, results and the events a run
 * reports. {@link dev.editloop.core.loop.LoopEngine} holds the whole loop in one file.
 */
package dev.editloop.core.loop;
