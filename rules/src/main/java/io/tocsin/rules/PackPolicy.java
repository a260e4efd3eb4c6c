package io.tocsin.rules;

import io.tocsin.engine.policy.PolicyDefinition;
import java.util.List;
import java.util.Map;

/**
 * A built-in policy with the sample events that document and test it.
 *
 * @param resource the pack file, e.g. {@code process/encoded-powershell.yml}
 * @param positive raw events (any accepted input shape) each rule condition must match
 * @param negative raw events no rule may match
 */
public record PackPolicy(
    String resource,
    PolicyDefinition definition,
    List<Map<String, Object>> positive,
    List<Map<String, Object>> negative) {

  public PackPolicy {
    positive = List.copyOf(positive);
    negative = List.copyOf(negative);
  }
}
