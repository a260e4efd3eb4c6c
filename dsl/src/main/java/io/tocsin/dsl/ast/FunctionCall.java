package io.tocsin.dsl.ast;

import java.util.List;

/**
 * {@code lower(process.name)}; functions are declared by descriptor and checked by the analyzer.
 */
public record FunctionCall(Source source, String name, List<Operand> args) implements Operand {
  public FunctionCall {
    args = List.copyOf(args);
  }
}
