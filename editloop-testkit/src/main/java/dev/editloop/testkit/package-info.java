/** Test fixtures shared by the modules' tests: example photos and synthetic scenes with known content. */
package dev.editloop.testkit;
