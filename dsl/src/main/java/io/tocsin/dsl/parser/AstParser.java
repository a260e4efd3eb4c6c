package io.tocsin.dsl.parser;

import io.tocsin.dsl.Diagnostic;
import io.tocsin.dsl.Limits;
import io.tocsin.dsl.ast.Expr;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.CodePointCharStream;
import org.antlr.v4.runtime.CommonTokenStream;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.atn.PredictionMode;

/** Parses condition text into an unresolved {@link Expr}, collecting every syntax problem. */
public final class AstParser {

  /**
   * The tree ({@code null} after syntax errors) and the problems found; check {@link #failed()}
   * before using the tree.
   */
  public record Parsed(Expr expr, List<Diagnostic> diagnostics) {
    public boolean failed() {
      return diagnostics.stream().anyMatch(Diagnostic::isError);
    }
  }

  private AstParser() {}

  public static Parsed parse(String text) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    if (text.length() > Limits.MAX_LENGTH) {
      diagnostics.add(
          Diagnostic.error(
              "TOO_LONG",
              1,
              1,
              "condition is ["
                  + text.length()
                  + "] characters long, the limit is ["
                  + Limits.MAX_LENGTH
                  + "]"));
      return new Parsed(null, diagnostics);
    }
    CodePointCharStream input = CharStreams.fromString(text);
    SyntaxErrors errors = new SyntaxErrors(diagnostics);
    ConditionLexer lexer = new ConditionLexer(input);
    lexer.removeErrorListeners();
    lexer.addErrorListener(errors);
    CommonTokenStream tokens = new CommonTokenStream(lexer);
    tokens.fill();
    if (tooDeep(tokens.getTokens(), diagnostics)) {
      return new Parsed(null, diagnostics);
    }
    ConditionParser parser = new ConditionParser(tokens);
    parser.removeErrorListeners();
    parser.addErrorListener(errors);
    parser.getInterpreter().setPredictionMode(PredictionMode.SLL);
    ConditionParser.ConditionContext tree = parser.condition();
    if (!diagnostics.isEmpty()) {
      return new Parsed(null, diagnostics);
    }
    AstBuilder builder = new AstBuilder(input, diagnostics);
    // Local problems (a number out of range) leave a usable tree, so the analyzer can still report
    // the other problems; literals that failed carry a null value, which it skips.
    return new Parsed(builder.condition(tree), diagnostics);
  }

  /**
   * Rejects deep nesting before the recursive-descent parser sees it, so no input can overflow the
   * stack. Depth counts open parentheses plus the {@code not}s in effect at each level.
   */
  private static boolean tooDeep(List<Token> tokens, List<Diagnostic> diagnostics) {
    Deque<Integer> notsPerLevel = new ArrayDeque<>();
    int nots = 0;
    int outerNots = 0;
    for (Token t : tokens) {
      switch (t.getType()) {
        case ConditionLexer.NOT -> nots++;
        case ConditionLexer.AND, ConditionLexer.OR -> nots = 0;
        case ConditionLexer.LP -> {
          notsPerLevel.push(nots);
          outerNots += nots;
          nots = 0;
        }
        case ConditionLexer.RP -> {
          if (!notsPerLevel.isEmpty()) {
            nots = notsPerLevel.pop();
            outerNots -= nots;
          }
        }
        default -> {}
      }
      int depth = notsPerLevel.size() + outerNots + nots;
      if (depth > Limits.MAX_DEPTH) {
        diagnostics.add(
            Diagnostic.error(
                "TOO_DEEP",
                t.getLine(),
                t.getCharPositionInLine() + 1,
                "condition is nested more than [" + Limits.MAX_DEPTH + "] levels deep"));
        return true;
      }
    }
    return false;
  }
}
