/**
 * Cross-cutting configuration of the server: typed {@code tocsin.*} properties, the clock and MVC
 * wiring (the OpenAPI document is built in {@code io.tocsin.api.openapi}). It depends on no feature
 * (every feature reads it): the caller's identity lives in {@code io.tocsin.api.security}, the
 * filter chain in {@code io.tocsin.api.websecurity}.
 */
package io.tocsin.api.config;
