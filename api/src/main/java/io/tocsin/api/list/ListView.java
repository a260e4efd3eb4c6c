package io.tocsin.api.list;

import java.time.Instant;
import java.util.List;

/** A named list as the API returns it. */
record ListView(
    String name,
    List<String> values,
    int size,
    String description,
    Instant createdAt,
    String createdBy,
    Instant updatedAt,
    String updatedBy) {

  static ListView of(NamedList l) {
    return new ListView(
        l.name(),
        l.values(),
        l.values().size(),
        l.description(),
        l.createdAt(),
        l.createdBy(),
        l.updatedAt(),
        l.updatedBy());
  }
}
