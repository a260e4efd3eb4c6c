package io.tocsin.api.security;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Roles of human users, from most to least privileged. Agents have no role, only {@code AGENT}. */
public enum Role {
  ADMIN,
  DETECTION_ENGINEER,
  ANALYST,
  VIEWER;

  /** The Spring Security authority of this role, e.g. {@code ROLE_ADMIN}. */
  public String authority() {
    return "ROLE_" + name();
  }

  @JsonValue
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  @JsonCreator
  public static Role fromWire(String value) {
    if (value == null) {
      return null;
    }
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "unknown role [" + value + "], expected admin, detection_engineer, analyst or viewer", e);
    }
  }
}
