package io.tocsin.api.event;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The documented answers of both ingest paths ({@code /api/v1/events} and the OS-Pulse one). */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ApiResponse(
    responseCode = "200",
    description = "At least one item was accepted (status ok or partial)",
    content = @Content(schema = @Schema(implementation = IngestSummary.class)))
@ApiResponse(
    responseCode = "413",
    description = "PAYLOAD_TOO_LARGE: the body, or a gzip body once inflated, is over the limit")
@ApiResponse(
    responseCode = "415",
    description = "UNSUPPORTED_MEDIA_TYPE: a Content-Encoding other than gzip")
@interface IngestResponses {}
