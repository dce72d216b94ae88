/**
 * The record of a run: {@code trajectory.json} (DESIGN §5), the folder a run writes as it goes, and its HTML report.
 */
package dev.editloop.core.trajectory;
