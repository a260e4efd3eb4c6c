package io.tocsin.engine.policy;

import java.util.List;

/**
 * A policy as written by a detection engineer (DESIGN §5). Nulls are allowed where the JSON may
 * omit a member; the loader reports what is missing.
 *
 * @param id stable identifier (the API's document id); unique within a tenant
 * @param name human-readable name, copied into detections
 * @param description free text
 * @param enabled a disabled policy is validated but not compiled
 * @param tags free tags; {@code attack.*} tags become MITRE ATT&amp;CK tags on detections
 * @param rules at least one rule
 */
public record PolicyDefinition(
    String id,
    String name,
    String description,
    boolean enabled,
    List<String> tags,
    List<RuleDefinition> rules) {

  public PolicyDefinition {
    tags = tags == null ? List.of() : List.copyOf(tags);
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /** A copy with {@code enabled} replaced. */
  public PolicyDefinition withEnabled(boolean value) {
    return new PolicyDefinition(id, name, description, value, tags, rules);
  }
}
