package io.tocsin.api.list;

import java.util.List;

/** Request bodies of the list and macro endpoints. */
final class Requests {

  private Requests() {}

  /**
   * {@code PUT /lists/{name}}.
   *
   * @param values strings or numbers (kept as strings)
   */
  record PutList(List<Object> values, String description) {}

  /** {@code PUT /macros/{name}}. */
  record PutMacro(String condition, String description) {}
}
