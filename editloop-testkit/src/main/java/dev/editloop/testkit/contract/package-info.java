/**
 * The port contracts: one abstract JUnit test class per port ({@link dev.editloop.testkit.contract.EditorContract},
 * {@link dev.editloop.testkit.contract.ThinkerContract}, {@link dev.editloop.testkit.contract.JudgeContract}) that
 * every adapter, the embedded ones included, passes by extending it with a factory for the adapter under test.
 */
package dev.editloop.testkit.contract;
