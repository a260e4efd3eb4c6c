package io.tocsin.engine.policy;

import java.util.ArrayList;
import java.util.List;

/** Collects load diagnostics in the order they were found. */
final class Diagnostics {

  private final List<LoadDiagnostic> all = new ArrayList<>();

  void error(String code, String policyId, String location, String message) {
    all.add(new LoadDiagnostic(LoadDiagnostic.Level.ERROR, code, policyId, location, message));
  }

  void warning(String code, String policyId, String location, String message) {
    all.add(new LoadDiagnostic(LoadDiagnostic.Level.WARNING, code, policyId, location, message));
  }

  void add(LoadDiagnostic diagnostic) {
    all.add(diagnostic);
  }

  boolean hasErrors() {
    return all.stream().anyMatch(LoadDiagnostic::isError);
  }

  List<LoadDiagnostic> all() {
    return List.copyOf(all);
  }
}
