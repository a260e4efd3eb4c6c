/**
 * The bounded on-disk spool: one fsync'd, append-only segment file per batch (the exact gzipped
 * request body), replayed oldest first; when over its byte bound the oldest segments are dropped
 * and counted. Survives agent restarts.
 */
package io.tocsin.agent.spool;
