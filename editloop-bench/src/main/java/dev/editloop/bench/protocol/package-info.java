/** Judge protocols: what each benchmark asks its judge, and its exact aggregation. */
package dev.editloop.bench.protocol;
