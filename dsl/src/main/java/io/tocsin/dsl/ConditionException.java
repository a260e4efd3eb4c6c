package io.tocsin.dsl;

import java.util.List;
import java.util.stream.Collectors;

/** A condition has errors; {@link #diagnostics()} lists them all, in source order. */
public class ConditionException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<Diagnostic> diagnostics;

  public ConditionException(List<Diagnostic> diagnostics) {
    super(render(diagnostics));
    this.diagnostics = List.copyOf(diagnostics);
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }

  private static String render(List<Diagnostic> diagnostics) {
    String noun = diagnostics.size() == 1 ? " problem\n" : " problems\n";
    return "Found "
        + diagnostics.size()
        + noun
        + diagnostics.stream().map(Diagnostic::toString).collect(Collectors.joining("\n"));
  }
}
