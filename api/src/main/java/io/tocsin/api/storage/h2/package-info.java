/**
 * The embedded store's H2 backend: BSON-encoded map entries instead of H2's default Java
 * serialization (ten times cheaper per write), queries with bounded memory, and optional persistent
 * secondary indexes with a small query planner ({@link io.tocsin.api.storage.h2.IndexPlan}). See
 * docs/performance.md and docs/operations.md.
 */
package io.tocsin.api.storage.h2;
