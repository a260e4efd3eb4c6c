package io.tocsin.api.error;

import java.util.Map;
import org.springframework.http.HttpHeaders;

/**
 * A failure with a contract code, a client-safe message and optional details; thrown anywhere in
 * request handling and rendered by {@link ApiExceptionHandler}.
 */
public class ApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient Map<String, Object> details;
  private final transient HttpHeaders headers;

  public ApiException(ErrorCode code, String message) {
    this(code, message, Map.of(), HttpHeaders.EMPTY);
  }

  public ApiException(
      ErrorCode code, String message, Map<String, Object> details, HttpHeaders headers) {
    super(message);
    this.code = code;
    this.details = Map.copyOf(details);
    this.headers = headers;
  }

  public static ApiException notFound(String what) {
    return new ApiException(ErrorCode.NOT_FOUND, what + " not found");
  }

  public static ApiException badRequest(String message) {
    return new ApiException(ErrorCode.VALIDATION_ERROR, message);
  }

  public static ApiException badRequest(String message, Map<String, Object> details) {
    return new ApiException(ErrorCode.VALIDATION_ERROR, message, details, HttpHeaders.EMPTY);
  }

  public static ApiException conflict(String message) {
    return new ApiException(ErrorCode.CONFLICT, message);
  }

  public static ApiException forbidden(String message) {
    return new ApiException(ErrorCode.AUTHORIZATION_ERROR, message);
  }

  public static ApiException unauthorized(String message) {
    return new ApiException(ErrorCode.AUTHENTICATION_ERROR, message);
  }

  public ErrorCode code() {
    return code;
  }

  public Map<String, Object> details() {
    return details;
  }

  public HttpHeaders headers() {
    return headers;
  }
}
