/**
 * The error contract of DESIGN §6 on every failure path: {@code {"error": {"code", "message",
 * "details"}, "request_id"}}. Controllers and services throw {@link
 * io.tocsin.api.error.ApiException}; MVC failures are mapped by {@link
 * io.tocsin.api.error.ApiExceptionHandler}, security failures by the entry point and access-denied
 * handler, and anything that escapes to the container by the {@code /error} controller.
 */
package io.tocsin.api.error;
