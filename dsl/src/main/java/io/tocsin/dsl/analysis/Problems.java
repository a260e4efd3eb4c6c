package io.tocsin.dsl.analysis;

import io.tocsin.dsl.Diagnostic;
import io.tocsin.dsl.ast.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** Collects diagnostics during analysis; macro bodies are analyzed into a separate list. */
final class Problems {

  private List<Diagnostic> sink = new ArrayList<>();

  void error(String code, Source at, String message) {
    sink.add(Diagnostic.error(code, at.line(), at.column(), message));
  }

  void warning(String code, Source at, String message) {
    sink.add(Diagnostic.warning(code, at.line(), at.column(), message));
  }

  void add(Diagnostic d) {
    sink.add(d);
  }

  List<Diagnostic> all() {
    return sink;
  }

  /** Runs {@code body}, diverting the diagnostics it reports into {@code into}. */
  <T> T capture(List<Diagnostic> into, Supplier<T> body) {
    List<Diagnostic> saved = sink;
    sink = into;
    try {
      return body.get();
    } finally {
      sink = saved;
    }
  }
}
