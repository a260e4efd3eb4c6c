package io.tocsin.rules.sigma;

import java.util.List;

/** Why a rule cannot be converted exactly; the rule is rejected, never half-converted. */
final class SigmaRejection extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> reasons;

  SigmaRejection(String reason) {
    this(List.of(reason));
  }

  SigmaRejection(List<String> reasons) {
    super(String.join("; ", reasons), null, false, false);
    this.reasons = List.copyOf(reasons);
  }

  List<String> reasons() {
    return reasons;
  }
}
