package io.tocsin.api.error;

import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.validation.FieldError;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/** Maps every exception that reaches MVC onto the error contract; never leaks internals. */
@RestControllerAdvice
class ApiExceptionHandler {

  private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ApiException.class)
  ResponseEntity<ErrorBody> api(ApiException e, HttpServletRequest request) {
    return respond(request, e.code(), e.getMessage(), e.details(), e.headers());
  }

  @ExceptionHandler(MethodArgumentNotValidException.class)
  ResponseEntity<ErrorBody> invalid(MethodArgumentNotValidException e, HttpServletRequest request) {
    Map<String, Object> fields = new LinkedHashMap<>();
    for (FieldError error : e.getBindingResult().getFieldErrors()) {
      fields.putIfAbsent(Naming.snake(error.getField()), error.getDefaultMessage());
    }
    e.getBindingResult()
        .getGlobalErrors()
        .forEach(g -> fields.putIfAbsent(g.getObjectName(), g.getDefaultMessage()));
    return respond(
        request, ErrorCode.VALIDATION_ERROR, "Request validation failed", Map.of("fields", fields));
  }

  @ExceptionHandler(HandlerMethodValidationException.class)
  ResponseEntity<ErrorBody> invalidParameters(
      HandlerMethodValidationException e, HttpServletRequest request) {
    Map<String, Object> fields = new LinkedHashMap<>();
    e.getParameterValidationResults()
        .forEach(
            r ->
                fields.putIfAbsent(
                    String.valueOf(r.getMethodParameter().getParameterName()),
                    r.getResolvableErrors().isEmpty()
                        ? "invalid"
                        : r.getResolvableErrors().get(0).getDefaultMessage()));
    return respond(
        request, ErrorCode.VALIDATION_ERROR, "Request validation failed", Map.of("fields", fields));
  }

  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MissingRequestHeaderException.class,
    MethodArgumentTypeMismatchException.class
  })
  ResponseEntity<ErrorBody> badParameter(Exception e, HttpServletRequest request) {
    String message =
        e instanceof MethodArgumentTypeMismatchException m
            ? "Invalid value for parameter '" + m.getName() + "'"
            : e.getMessage();
    return respond(request, ErrorCode.VALIDATION_ERROR, message, Map.of());
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<ErrorBody> unreadable(
      HttpMessageNotReadableException e, HttpServletRequest request) {
    PayloadTooLargeException tooLarge = PayloadTooLargeException.findIn(e);
    if (tooLarge != null) {
      return tooLarge(tooLarge, request);
    }
    return respond(
        request, ErrorCode.VALIDATION_ERROR, "Malformed or missing JSON request body", Map.of());
  }

  @ExceptionHandler(PayloadTooLargeException.class)
  ResponseEntity<ErrorBody> tooLarge(PayloadTooLargeException e, HttpServletRequest request) {
    return respond(
        request,
        ErrorCode.PAYLOAD_TOO_LARGE,
        "Request body exceeds the limit of " + e.limit() + " bytes",
        Map.of("max_bytes", e.limit()));
  }

  @ExceptionHandler(MaxUploadSizeExceededException.class)
  ResponseEntity<ErrorBody> uploadTooLarge(
      MaxUploadSizeExceededException e, HttpServletRequest request) {
    return respond(request, ErrorCode.PAYLOAD_TOO_LARGE, "Request body too large", Map.of());
  }

  @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
  ResponseEntity<ErrorBody> noRoute(Exception e, HttpServletRequest request) {
    return respond(
        request,
        ErrorCode.NOT_FOUND,
        "No route for " + request.getMethod() + " " + request.getRequestURI(),
        Map.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<ErrorBody> method(
      HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
    HttpHeaders headers = new HttpHeaders();
    if (e.getSupportedHttpMethods() != null) {
      headers.setAllow(e.getSupportedHttpMethods());
    }
    return respond(
        request,
        ErrorCode.METHOD_NOT_ALLOWED,
        "Method " + e.getMethod() + " is not supported here",
        Map.of(
            "allowed", e.getSupportedMethods() == null ? new String[0] : e.getSupportedMethods()),
        headers);
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<ErrorBody> mediaType(
      HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
    return respond(
        request,
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        "Unsupported content type; send application/json",
        Map.of());
  }

  /** A body labelled multipart that is not, or any multipart body: no endpoint takes multipart. */
  @ExceptionHandler(MultipartException.class)
  ResponseEntity<ErrorBody> multipart(MultipartException e, HttpServletRequest request) {
    if (e instanceof MaxUploadSizeExceededException tooLarge) {
      return uploadTooLarge(tooLarge, request);
    }
    return unsupportedType(request);
  }

  @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
  ResponseEntity<ErrorBody> notAcceptable(
      HttpMediaTypeNotAcceptableException e, HttpServletRequest request) {
    return respond(
        request, ErrorCode.NOT_ACCEPTABLE, "Cannot produce an acceptable response", Map.of());
  }

  @ExceptionHandler(AccessDeniedException.class)
  ResponseEntity<ErrorBody> denied(AccessDeniedException e, HttpServletRequest request) {
    return respond(request, ErrorCode.AUTHORIZATION_ERROR, "Insufficient permissions", Map.of());
  }

  @ExceptionHandler(AuthenticationException.class)
  ResponseEntity<ErrorBody> unauthenticated(AuthenticationException e, HttpServletRequest request) {
    return respond(request, ErrorCode.AUTHENTICATION_ERROR, "Authentication required", Map.of());
  }

  @ExceptionHandler(Exception.class)
  ResponseEntity<ErrorBody> unexpected(Exception e, HttpServletRequest request) {
    if (e instanceof ErrorResponse framework && framework.getStatusCode().value() < 500) {
      int status = framework.getStatusCode().value();
      return respond(
          request,
          ErrorCode.forStatus(status),
          reason(framework),
          Map.of(),
          framework.getHeaders());
    }
    if (e instanceof IllegalArgumentException && ContentTypes.unusable(request)) {
      // Spring refuses wildcard content types while reading the body; the caller sent one.
      return unsupportedType(request);
    }
    log.error("Unexpected failure", e);
    return respond(request, ErrorCode.INTERNAL_ERROR, "Internal server error", Map.of());
  }

  private static ResponseEntity<ErrorBody> unsupportedType(HttpServletRequest request) {
    return respond(
        request,
        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
        "Unsupported content type; send application/json",
        Map.of("content_type", String.valueOf(request.getContentType())));
  }

  private static String reason(ErrorResponse e) {
    String detail = e.getBody().getDetail();
    return detail == null ? "Request failed" : detail;
  }

  private static ResponseEntity<ErrorBody> respond(
      HttpServletRequest request, ErrorCode code, String message, Map<String, Object> details) {
    return respond(request, code, message, details, HttpHeaders.EMPTY);
  }

  private static ResponseEntity<ErrorBody> respond(
      HttpServletRequest request,
      ErrorCode code,
      String message,
      Map<String, Object> details,
      HttpHeaders headers) {
    String requestId = RequestIds.of(request);
    // JSON whatever the request accepted (e.g. a report asked for as application/pdf): a preset
    // content type skips negotiation, which would otherwise turn the error into a 500
    return ResponseEntity.status(code.status())
        .headers(headers)
        .header(RequestIds.HEADER, requestId)
        .contentType(MediaType.APPLICATION_JSON)
        .body(ErrorBody.of(code, message, details, requestId));
  }
}
