/**
 * Who is calling and what they may do. Spring Security's resource server verifies JWTs through a
 * jjwt-backed {@code JwtDecoder}; agents authenticate with {@code X-API-Key} through an {@code
 * AuthenticationFilter} and provider. Controllers get the caller as a {@link
 * io.tocsin.api.security.CurrentPrincipal} parameter (tenant already resolved from {@code
 * X-Tenant-ID}) and guard methods with the {@link io.tocsin.api.security.Authz} expressions.
 */
package io.tocsin.api.security;
