/**
 * The embedded store's H2 backend with BSON-encoded map entries instead of H2's default Java
 * serialization (ten times cheaper per write; see docs/performance.md).
 */
package io.tocsin.api.storage.h2;
