package io.tocsin.rules;

import io.tocsin.engine.policy.PolicyDefinition;
import java.util.List;
import java.util.Map;

/**
 * A policy file: the policy with the notes and sample events that document and test it.
 *
 * @param resource the file, e.g. {@code process/encoded-powershell.yml}
 * @param positive samples that must fire the policy: an event (any accepted input shape) or a
 *     scenario {@code {events: [...], repeat: n}} (see {@link
 *     io.tocsin.rules.samples.SampleRunner})
 * @param negative samples that must not fire it
 * @param falsePositives known benign causes, for whoever triages the alert
 * @param references links to write-ups of the technique
 */
public record PackPolicy(
    String resource,
    PolicyDefinition definition,
    List<Map<String, Object>> positive,
    List<Map<String, Object>> negative,
    List<String> falsePositives,
    List<String> references) {

  public PackPolicy {
    positive = List.copyOf(positive);
    negative = List.copyOf(negative);
    falsePositives = List.copyOf(falsePositives);
    references = List.copyOf(references);
  }
}
