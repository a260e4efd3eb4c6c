/**
 * Server side of the web UI: the paths of the static single-page app (served from {@code
 * classpath:/static}) and its security headers (a strict Content-Security-Policy). The live updates
 * it shows come from {@code GET /api/v1/stream} in {@link io.tocsin.api.stream}.
 *
 * <p>The UI itself is plain ES modules under {@code static/ui}; it talks only to the public REST
 * API with a bearer token in a header, so it gets exactly the caller's role and tenant.
 */
package io.tocsin.api.ui;
