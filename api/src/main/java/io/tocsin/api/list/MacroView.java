package io.tocsin.api.list;

import java.time.Instant;

/** A macro as the API returns it. */
record MacroView(
    String name,
    String condition,
    String description,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {

  static MacroView of(Macro m) {
    return new MacroView(
        m.name(),
        m.condition(),
        m.description(),
        m.createdAt(),
        m.createdBy(),
        m.updatedAt(),
        m.updatedBy());
  }
}
