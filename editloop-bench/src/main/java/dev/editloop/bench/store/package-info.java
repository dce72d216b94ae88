/** The run's durable results: manifest, case claims with leases, atomic case commits; SQLite or PostgreSQL. */
package dev.editloop.bench.store;
