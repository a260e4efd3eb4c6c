package io.tocsin.api.openapi;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.core.jackson.ModelResolver;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.tocsin.api.error.ErrorBody;
import io.tocsin.api.error.ErrorCode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.method.HandlerMethod;

/**
 * Lists the error responses (DESIGN §6 error document) each operation can answer, so an SDK knows
 * them without reading the prose: 400 for any input, 401/403/429 behind authentication, 404 for a
 * path naming a resource, 500 always. A handler documents the others it answers (409, 413, 408,
 * ...) with {@code @ApiResponse}; those it declares itself are kept as written.
 */
class ErrorResponses implements GlobalOperationComponentsCustomizer {

  static final String SCHEMA = "ErrorBody";

  private final ModelConverters converters = new ModelConverters();

  ErrorResponses(ModelResolver resolver) {
    converters.addConverter(resolver);
  }

  /** springdoc calls the overload with the components for this interface. */
  @Override
  public Operation customize(Operation operation, HandlerMethod handler) {
    return operation;
  }

  @Override
  public Operation customize(Operation operation, Components components, HandlerMethod handler) {
    registerSchema(components);
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    boolean input =
        operation.getRequestBody() != null
            || (operation.getParameters() != null && !operation.getParameters().isEmpty());
    boolean authenticated =
        handler.hasMethodAnnotation(PreAuthorize.class)
            || AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class);
    if (!authenticated && operation.getSecurity() == null) {
      operation.setSecurity(List.of()); // public: login, health, OAuth endpoints
    }
    if (input) {
      add(responses, ErrorCode.VALIDATION_ERROR, "Invalid input: `details` names the field");
    }
    if (authenticated) {
      add(responses, ErrorCode.AUTHENTICATION_ERROR, "Missing, expired or revoked credentials");
      add(responses, ErrorCode.AUTHORIZATION_ERROR, "The caller's role may not do this");
      add(responses, ErrorCode.RATE_LIMITED, "Too many requests: retry after `Retry-After`");
    }
    if (operation.getParameters() != null
        && operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()))) {
      add(responses, ErrorCode.NOT_FOUND, "No such resource in the caller's tenant");
    }
    add(responses, ErrorCode.INTERNAL_ERROR, "Unexpected failure (never a stack trace)");
    // springdoc gives a declared @ApiResponse without content the handler's return type; an error
    // status answers the error document unless the handler declared its content (readiness's 503).
    Set<String> declared = declaredContent(handler);
    responses.forEach(
        (status, response) -> {
          if ((status.startsWith("4") || status.startsWith("5")) && !declared.contains(status)) {
            response.setContent(errorContent());
          }
        });
    operation.setResponses(responses);
    return operation;
  }

  private static Set<String> declaredContent(HandlerMethod handler) {
    return AnnotatedElementUtils.findMergedRepeatableAnnotations(
            handler.getMethod(), io.swagger.v3.oas.annotations.responses.ApiResponse.class)
        .stream()
        .filter(r -> r.content().length > 0)
        .map(io.swagger.v3.oas.annotations.responses.ApiResponse::responseCode)
        .collect(Collectors.toSet());
  }

  private static void add(ApiResponses responses, ErrorCode code, String description) {
    String status = String.valueOf(code.status().value());
    if (responses.containsKey(status)) {
      ApiResponse declared = responses.get(status);
      if (declared.getContent() == null) {
        declared.setContent(errorContent());
      }
      return;
    }
    responses.addApiResponse(
        status,
        new ApiResponse().description(code.name() + ": " + description).content(errorContent()));
  }

  private static Content errorContent() {
    return new Content()
        .addMediaType(
            org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
            new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + SCHEMA)));
  }

  private void registerSchema(Components components) {
    if (components.getSchemas() != null && components.getSchemas().containsKey(SCHEMA)) {
      return;
    }
    @SuppressWarnings("rawtypes")
    Map<String, Schema> schemas = converters.readAll(ErrorBody.class);
    schemas.forEach(components::addSchemas);
  }
}
