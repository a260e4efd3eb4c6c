package io.tocsin.api.list;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** Request bodies of the list and macro endpoints. */
final class Requests {

  private Requests() {}

  /**
   * {@code PUT /lists/{name}}.
   *
   * @param values strings or numbers (kept as strings)
   */
  record PutList(
      @ArraySchema(
              arraySchema =
                  @Schema(description = "The values: strings or numbers, stored as strings"),
              schema = @Schema(oneOf = {String.class, Number.class}))
          List<Object> values,
      String description) {}

  /** {@code PUT /macros/{name}}. */
  record PutMacro(String condition, String description) {}
}
