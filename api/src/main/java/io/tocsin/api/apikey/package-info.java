/**
 * Agent API keys: created by tenant admins, shown once, stored as SHA-256, sent as {@code
 * X-API-Key}. A key authenticates through Spring Security's {@code AuthenticationFilter} and {@link
 * io.tocsin.api.apikey.ApiKeyAuthenticationProvider} with the single authority {@code ROLE_AGENT},
 * which the URL rules admit only to the ingest paths.
 */
package io.tocsin.api.apikey;
