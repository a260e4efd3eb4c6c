/**
 * Per-principal rate limiting of the API: one token bucket per API key or user and budget (the
 * general API, and a larger one for ingest), {@code X-RateLimit-Limit/Remaining/Reset} on every
 * authenticated response and 429 {@code RATE_LIMITED} in the error contract when a bucket is empty.
 * In memory, per instance.
 */
package io.tocsin.api.ratelimit;
