/**
 * An editor whose quality depends on the seed in a known way ({@link dev.editloop.testkit.seeded.SeededEditor}), its
 * critic ({@link dev.editloop.testkit.seeded.StrengthThinker}) and spec kind {@code seeded}, for testing and measuring
 * strategies that sample several seeds (best-of-N).
 */
package dev.editloop.testkit.seeded;
