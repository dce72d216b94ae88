/**
 * Loopback fake servers that speak the real model-server protocols closely enough that the real clients work against
 * them, each with switches for slowness, errors, garbage and timeouts ({@link dev.editloop.testkit.fake.FakeHttpServer}).
 */
package dev.editloop.testkit.fake;
