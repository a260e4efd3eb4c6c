package io.tocsin.dsl.ast;

import java.util.List;

/** {@code ('a', "b", 3)}; also what a named list becomes after analysis. */
public record ListLiteral(Source source, List<Literal> values) implements Operand {
  public ListLiteral {
    values = List.copyOf(values);
  }
}
