/**
 * The OpenAPI document at {@code /v3/api-docs}: metadata and security schemes, property names as
 * they travel (snake_case), the error responses every operation can answer, and one entry per
 * endpoint (trailing-slash aliases folded). {@code OpenApiContractTest} holds the document to the
 * rules a generated SDK needs; the Java client in {@code samples} is generated from it.
 */
package io.tocsin.api.openapi;
