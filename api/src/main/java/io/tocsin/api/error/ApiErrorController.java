package io.tocsin.api.error;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Replaces Boot's whitelabel {@code /error}: failures that escape MVC and the security filters (a
 * container-level 404, an exception in a filter) still come out in the contract shape.
 */
@Hidden // not an API operation
@RestController
class ApiErrorController implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ErrorBody> error(HttpServletRequest request) {
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    // No status attribute: someone requested /error directly.
    int code = status instanceof Integer i ? i : 404;
    ErrorCode errorCode = ErrorCode.forStatus(code);
    String message =
        switch (errorCode) {
          case NOT_FOUND -> "Not found";
          case INTERNAL_ERROR -> "Internal server error";
          case PAYLOAD_TOO_LARGE -> "Request body too large";
          default -> "Request failed";
        };
    String requestId = RequestIds.of(request);
    return ResponseEntity.status(errorCode.status())
        .header(RequestIds.HEADER, requestId)
        .body(ErrorBody.of(errorCode, message, Map.of(), requestId));
  }
}
