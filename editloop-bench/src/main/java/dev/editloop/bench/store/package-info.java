/**
 * The run's durable results: manifest, case claims with leases, atomic case commits; SQLite ({@link
 * dev.editloop.bench.store.SqliteStore}, the default) or PostgreSQL, opened by {@link
 * dev.editloop.bench.store.Stores}; their JSON form in {@link dev.editloop.bench.store.OutcomeJson}.
 */
package dev.editloop.bench.store;
