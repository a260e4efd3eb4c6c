package io.tocsin.api.list;

import io.tocsin.api.error.ApiException;
import io.tocsin.model.FieldCatalog;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which names a list or macro may have: an identifier the language reads as a name (not a keyword,
 * not a field of the catalog, which would read as that field).
 */
final class Names {

  private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
  private static final Set<String> KEYWORDS =
      Set.of(
          "and",
          "or",
          "not",
          "in",
          "exists",
          "contains",
          "icontains",
          "startswith",
          "istartswith",
          "endswith",
          "iendswith",
          "matches",
          "glob",
          "true",
          "false");

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
    if (KEYWORDS.contains(name.toLowerCase(Locale.ROOT))) {
      throw ApiException.badRequest(
          "Invalid " + what + " name [" + name + "]: it is a keyword of the condition language");
    }
    if (FieldCatalog.typeOf(name).isPresent()) {
      throw ApiException.badRequest(
          "Invalid " + what + " name [" + name + "]: it is an event field name");
    }
  }
}
