package io.tocsin.api.error;

import java.util.Map;

/**
 * The error document of DESIGN §6.
 *
 * @param error what went wrong
 * @param requestId id of the request, also sent as {@code X-Request-ID}
 */
public record ErrorBody(Detail error, String requestId) {

  /**
   * @param code stable code, see {@link ErrorCode}
   * @param message human-readable, never internals
   * @param details structured extras (field errors, limits), possibly empty
   */
  @io.swagger.v3.oas.annotations.media.Schema(name = "ErrorDetail")
  public record Detail(
      String code,
      String message,
      @io.swagger.v3.oas.annotations.media.Schema(
              description =
                  "Structured extras, e.g. field and reason, fields (per-field messages),"
                      + " diagnostics (policy problems with path, line, column), max_bytes, budget")
          Map<String, Object> details) {}

  public static ErrorBody of(
      ErrorCode code, String message, Map<String, Object> details, String requestId) {
    return new ErrorBody(new Detail(code.name(), message, details), requestId);
  }
}
