package io.tocsin.dsl.analysis;

import io.tocsin.dsl.Diagnostic;
import io.tocsin.dsl.Limits;
import io.tocsin.dsl.ast.Expr;
import io.tocsin.dsl.ast.MacroRef;
import io.tocsin.dsl.parser.AstParser;
import io.tocsin.model.FieldCatalog;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * Expands macro references. Each macro body is parsed and resolved once per analysis and shared;
 * problems inside a body are reported at the first reference, prefixed with the macro's name.
 */
final class MacroExpander {

  /** A resolved body ({@code null} when it failed) and its node count. */
  private record Body(Expr expr, int nodes) {}

  private final Analyzer analyzer;
  private final Map<String, Body> bodies = new HashMap<>();
  private final LinkedHashSet<String> expanding = new LinkedHashSet<>();

  MacroExpander(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  Expr expand(MacroRef ref) {
    String name = ref.name();
    String text = analyzer.context.macros().get(name);
    if (text == null) {
      unknown(ref);
      return null;
    }
    analyzer.macros.add(name);
    if (expanding.contains(name)) {
      List<String> chain = new ArrayList<>(expanding);
      chain = chain.subList(chain.indexOf(name), chain.size());
      analyzer.problems.error(
          "MACRO_CYCLE",
          ref.source(),
          "macro [" + name + "] uses itself: [" + String.join(" -> ", chain) + " -> " + name + "]");
      return null;
    }
    if (expanding.size() >= Limits.MAX_MACRO_NESTING) {
      analyzer.problems.error(
          "TOO_DEEP",
          ref.source(),
          "macros nest more than [" + Limits.MAX_MACRO_NESTING + "] levels deep at [" + name + "]");
      return null;
    }
    Body body = bodies.get(name);
    if (body == null) {
      body = resolveBody(ref, text);
      bodies.put(name, body);
    } else if (body.expr() != null && !analyzer.count(body.nodes(), ref.source())) {
      return null;
    }
    return body.expr();
  }

  private Body resolveBody(MacroRef ref, String text) {
    String name = ref.name();
    AstParser.Parsed parsed = AstParser.parse(text);
    List<Diagnostic> inner = new ArrayList<>(parsed.diagnostics());
    Expr resolved = null;
    int before = analyzer.nodes();
    if (parsed.expr() != null) {
      expanding.add(name);
      try {
        resolved = analyzer.problems.capture(inner, () -> analyzer.resolve(parsed.expr()));
      } finally {
        expanding.remove(name);
      }
    }
    boolean failed = inner.stream().anyMatch(Diagnostic::isError);
    for (Diagnostic d : inner) {
      analyzer.problems.add(
          new Diagnostic(
              d.code(),
              d.severity(),
              ref.source().line(),
              ref.source().column(),
              "in macro [" + name + "]: " + d));
    }
    return new Body(failed ? null : resolved, analyzer.nodes() - before);
  }

  private void unknown(MacroRef ref) {
    String name = ref.name();
    StringBuilder message = new StringBuilder("unknown macro [").append(name).append("]");
    if (FieldCatalog.typeOf(name).isPresent()) {
      message.append("; to test that the field is present write [").append(name).append(" exists]");
    } else {
      Suggestions.closest(name, analyzer.context.macros().keySet())
          .or(
              () ->
                  Suggestions.closest(name, FieldCatalog.fields().keySet())
                      .map(field -> field + " exists"))
          .ifPresent(s -> message.append(", did you mean [").append(s).append("]?"));
    }
    analyzer.problems.error("UNKNOWN_MACRO", ref.source(), message.toString());
  }
}
