package io.tocsin.dsl.ast;

/** Every AST node knows where it came from. */
public interface Node {
  Source source();
}
