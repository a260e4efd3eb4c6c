/**
 * The detection engine's public face: {@link io.tocsin.engine.DetectionEngine} (one per tenant:
 * evaluate events, advance the clock, hot-reload policies) and the {@link
 * io.tocsin.engine.Detection}s it returns. See docs/engine.md.
 */
package io.tocsin.engine;
