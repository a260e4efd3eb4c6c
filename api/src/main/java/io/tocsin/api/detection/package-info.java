/**
 * The per-tenant detection engines: {@link io.tocsin.api.detection.TenantEngines} builds a tenant's
 * {@link io.tocsin.engine.DetectionEngine} lazily from its stored policies, lists and macros,
 * reloads it when any of them changes, and ticks absence timers once a second. The definitions of a
 * tenant are validated here as one set, so a write that would break the set is refused before
 * anything is stored.
 *
 * <p>Reloads are driven by writes on this node only; in a multi-node deployment other nodes would
 * need a change feed (not available on the embedded store) or a periodic refresh.
 */
package io.tocsin.api.detection;
