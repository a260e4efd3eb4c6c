package io.tocsin.rules.pack;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * A pack's {@code pack.yml}: {@code id}, {@code name}, {@code version}, {@code description}.
 *
 * @param id stable pack id, e.g. {@code tocsin-core}
 */
public record PackManifest(String id, String name, SemanticVersion version, String description) {

  static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_.\\-]{0,63}");

  /** Reads a manifest tree; throws {@link IllegalArgumentException} naming the bad member. */
  public static PackManifest of(Map<String, ?> tree) {
    Object id = tree.get("id");
    if (id == null || !ID.matcher(id.toString()).matches()) {
      throw new IllegalArgumentException(
          "pack.yml: id [" + id + "] must be lower-case letters, digits, '_', '-' or '.'");
    }
    Object version = tree.get("version");
    SemanticVersion v;
    try {
      v = SemanticVersion.parse(version == null ? null : version.toString());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("pack.yml: " + e.getMessage(), e);
    }
    Object name = tree.get("name");
    Object description = tree.get("description");
    return new PackManifest(
        id.toString(),
        name == null ? id.toString() : name.toString(),
        v,
        description == null ? "" : description.toString());
  }
}
