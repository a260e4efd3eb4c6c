package io.tocsin.dsl.ast;

import java.util.List;

/** All terms are true (flattened: no And directly inside an And). */
public record And(Source source, List<Expr> terms) implements Expr {
  public And {
    terms = List.copyOf(terms);
  }
}
