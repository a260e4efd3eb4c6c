package io.tocsin.api.list;

import io.tocsin.api.error.ApiException;
import io.tocsin.dsl.parser.Keywords;
import io.tocsin.model.FieldCatalog;
import java.util.regex.Pattern;

/**
 * Which names a list or macro may have: an identifier the language reads as a name (not a keyword,
 * not a field of the catalog, which would read as that field).
 */
final class Names {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");

  private Names() {}

  static void require(String name, String what) {
    if (name == null || !IDENTIFIER.matcher(name).matches()) {
      throw ApiException.badRequest(
          "Invalid "
              + what
              + " name ["
              + name
              + "]: use letters, digits and underscores, starting with a letter or underscore"
              + " (at most 64 characters)");
    }
    if (Keywords.isReserved(name)) {
      throw ApiException.badRequest(
          "Invalid " + what + " name [" + name + "]: it is a keyword of the condition language");
    }
    if (FieldCatalog.typeOf(name).isPresent()) {
      throw ApiException.badRequest(
          "Invalid " + what + " name [" + name + "]: it is an event field name");
    }
  }
}
