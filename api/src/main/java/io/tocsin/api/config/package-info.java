/**
 * Cross-cutting configuration of the server: typed {@code tocsin.*} properties, the clock, OpenAPI
 * metadata and MVC wiring. Security lives in {@code io.tocsin.api.security}.
 */
package io.tocsin.api.config;
