package io.tocsin.dsl.ast;

import java.util.List;

/** At least one term is true (flattened: no Or directly inside an Or). */
public record Or(Source source, List<Expr> terms) implements Expr {
  public Or {
    terms = List.copyOf(terms);
  }
}
