/**
 * Test support: {@link io.tocsin.api.support.ApiTest} starts one shared server on a random port
 * against a temporary embedded store; {@link io.tocsin.api.support.ApiClient} talks to it over real
 * HTTP.
 */
package io.tocsin.api.support;
