package io.tocsin.rules.pack;

import io.tocsin.engine.policy.PolicyDefinition;
import io.tocsin.rules.PackPolicy;
import java.util.List;
import java.util.Optional;

/** One version of a pack: its manifest and its policies, in a stable order. */
public record Pack(PackManifest manifest, List<PackPolicy> policies) {

  public Pack {
    policies = List.copyOf(policies);
  }

  public String id() {
    return manifest.id();
  }

  public SemanticVersion version() {
    return manifest.version();
  }

  public List<PolicyDefinition> definitions() {
    return policies.stream().map(PackPolicy::definition).toList();
  }

  public Optional<PackPolicy> policy(String policyId) {
    return policies.stream().filter(p -> p.definition().id().equals(policyId)).findFirst();
  }
}
