/**
 * A standalone ingest load harness: sustained {@code POST /api/v1/events} in batches against a
 * running server, measuring events per second and ingest-to-alert latency. Not a unit test; see
 * docs/performance-ingest.md for how to run it.
 */
package io.tocsin.samples.load;
