/**
 * Server-side request forgery guard: webhook URLs are user input, so the server must not be made to
 * call its own loopback, the private network or a cloud metadata service. {@link
 * io.tocsin.api.webhook.ssrf.AddressGuard} classifies addresses; {@link
 * io.tocsin.api.webhook.ssrf.GuardedDnsResolver} applies it inside the HTTP client, so the address
 * that was checked is the address connected to (no DNS-rebinding window).
 */
package io.tocsin.api.webhook.ssrf;
