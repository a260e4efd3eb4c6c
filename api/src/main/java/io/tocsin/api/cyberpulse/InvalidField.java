package io.tocsin.api.cyberpulse;

import io.tocsin.api.error.ApiException;
import java.util.Map;

/** The 400 both CyberPulse controllers answer for a bad field: its name and the reason. */
final class InvalidField {

  private InvalidField() {}

  static ApiException of(String field, String reason) {
    return ApiException.badRequest(field + ": " + reason, Map.of("field", field, "reason", reason));
  }
}
