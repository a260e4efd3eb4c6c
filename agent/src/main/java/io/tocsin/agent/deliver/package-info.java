/**
 * Delivery: a bounded in-memory queue, a shipper thread that batches by size and time, gzips and
 * posts to {@code /api/v1/events} with capped, jittered exponential backoff, and falls back to the
 * disk {@link io.tocsin.agent.spool.Spool} while the server is unreachable; plus the small HTTP
 * client the agent uses for snapshots, commands and health, and the agent's own stats.
 */
package io.tocsin.agent.deliver;
