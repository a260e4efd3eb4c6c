/**
 * HTTP plumbing shared by every feature: request ids (header, MDC, error bodies), the request body
 * size limit and the list-response shape ({@code total}, {@code has_more}).
 */
package io.tocsin.api.web;
