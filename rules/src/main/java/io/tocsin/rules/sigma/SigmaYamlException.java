package io.tocsin.rules.sigma;

import java.util.List;

/** Input that is not YAML, or not Sigma-shaped at the top level; nothing was converted. */
public final class SigmaYamlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public SigmaYamlException(List<String> problems) {
    super(String.join("; ", problems));
    this.problems = List.copyOf(problems);
  }

  /** Each problem as {@code file:line:col: message}. */
  public List<String> problems() {
    return problems;
  }
}
