package io.tocsin.api.error;

import org.springframework.http.HttpStatus;

/** Stable error codes of the API and the HTTP status each maps to. */
public enum ErrorCode {
  VALIDATION_ERROR(HttpStatus.BAD_REQUEST),
  AUTHENTICATION_ERROR(HttpStatus.UNAUTHORIZED),
  AUTHORIZATION_ERROR(HttpStatus.FORBIDDEN),
  NOT_FOUND(HttpStatus.NOT_FOUND),
  METHOD_NOT_ALLOWED(HttpStatus.METHOD_NOT_ALLOWED),
  NOT_ACCEPTABLE(HttpStatus.NOT_ACCEPTABLE),
  CONFLICT(HttpStatus.CONFLICT),
  QUERY_BUDGET_EXCEEDED(HttpStatus.REQUEST_TIMEOUT),
  PAYLOAD_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
  UNSUPPORTED_MEDIA_TYPE(HttpStatus.UNSUPPORTED_MEDIA_TYPE),
  RATE_LIMITED(HttpStatus.TOO_MANY_REQUESTS),
  INTERNAL_ERROR(HttpStatus.INTERNAL_SERVER_ERROR),
  SERVICE_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

  private final HttpStatus status;

  ErrorCode(HttpStatus status) {
    this.status = status;
  }

  public HttpStatus status() {
    return status;
  }

  /** The code for a bare HTTP status, for failures that carry nothing more specific. */
  public static ErrorCode forStatus(int status) {
    for (ErrorCode code : values()) {
      if (code.status.value() == status) {
        return code;
      }
    }
    if (status == 413) {
      return PAYLOAD_TOO_LARGE;
    }
    return status >= 500 ? INTERNAL_ERROR : VALIDATION_ERROR;
  }
}
