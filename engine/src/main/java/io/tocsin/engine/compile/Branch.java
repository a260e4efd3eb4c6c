package io.tocsin.engine.compile;

import java.util.List;

/**
 * One conjunction of a condition's bounded DNF, with how Drools reaches it: through a hashed
 * equality ({@code index}), a pre-filter literal ({@code substring}), or neither (a scan).
 */
record Branch(IndexKey index, SubstringKey substring, List<Check> checks) {

  Branch {
    checks = List.copyOf(checks);
  }

  Route route() {
    if (index != null) {
      return Route.INDEXED;
    }
    return substring != null ? Route.PREFILTERED : Route.SCANNED;
  }

  /** How events reach a branch. */
  enum Route {
    INDEXED,
    PREFILTERED,
    SCANNED
  }
}
