package io.tocsin.dsl.parser;

import io.tocsin.dsl.Diagnostic;
import io.tocsin.dsl.ast.And;
import io.tocsin.dsl.ast.BooleanLiteral;
import io.tocsin.dsl.ast.Comparison;
import io.tocsin.dsl.ast.Exists;
import io.tocsin.dsl.ast.Expr;
import io.tocsin.dsl.ast.FieldRef;
import io.tocsin.dsl.ast.FunctionCall;
import io.tocsin.dsl.ast.ListLiteral;
import io.tocsin.dsl.ast.ListRef;
import io.tocsin.dsl.ast.Literal;
import io.tocsin.dsl.ast.LiteralKind;
import io.tocsin.dsl.ast.MacroRef;
import io.tocsin.dsl.ast.Not;
import io.tocsin.dsl.ast.Operand;
import io.tocsin.dsl.ast.Operator;
import io.tocsin.dsl.ast.Or;
import io.tocsin.dsl.ast.Source;
import io.tocsin.dsl.parser.ConditionParser.AndExprContext;
import io.tocsin.dsl.parser.ConditionParser.ArgContext;
import io.tocsin.dsl.parser.ConditionParser.CallValueContext;
import io.tocsin.dsl.parser.ConditionParser.ComparePredicateContext;
import io.tocsin.dsl.parser.ConditionParser.ExistsPredicateContext;
import io.tocsin.dsl.parser.ConditionParser.ExprContext;
import io.tocsin.dsl.parser.ConditionParser.InPredicateContext;
import io.tocsin.dsl.parser.ConditionParser.ListLiteralContext;
import io.tocsin.dsl.parser.ConditionParser.ListRefContext;
import io.tocsin.dsl.parser.ConditionParser.ListValueContext;
import io.tocsin.dsl.parser.ConditionParser.NotExprContext;
import io.tocsin.dsl.parser.ConditionParser.OperandContext;
import io.tocsin.dsl.parser.ConditionParser.ParenExprContext;
import io.tocsin.dsl.parser.ConditionParser.PredicateExprContext;
import io.tocsin.dsl.parser.ConditionParser.PrimaryContext;
import io.tocsin.dsl.parser.ConditionParser.PrimaryExprContext;
import io.tocsin.dsl.parser.ConditionParser.SearchPredicateContext;
import io.tocsin.dsl.parser.ConditionParser.SearchTermContext;
import io.tocsin.dsl.parser.ConditionParser.SingleValueContext;
import io.tocsin.dsl.parser.ConditionParser.UnaryContext;
import io.tocsin.dsl.parser.ConditionParser.ValueContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.antlr.v4.runtime.CharStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.misc.Interval;

/**
 * Builds the record AST from an error-free parse tree. Only local problems are found here (bad
 * numbers, a function call used as a condition); names are resolved later by the analyzer.
 */
final class AstBuilder {

  private final CharStream input;
  private final Literals literals;
  private final List<Diagnostic> diagnostics;

  AstBuilder(CharStream input, List<Diagnostic> diagnostics) {
    this.input = input;
    this.diagnostics = diagnostics;
    this.literals = new Literals(diagnostics);
  }

  Expr condition(ConditionParser.ConditionContext ctx) {
    return expr(ctx.expr());
  }

  private Expr expr(ExprContext ctx) {
    if (ctx.andExpr().size() == 1) {
      return and(ctx.andExpr(0));
    }
    List<Expr> terms = new ArrayList<>();
    for (AndExprContext term : ctx.andExpr()) {
      Expr e = and(term);
      terms.addAll(e instanceof Or or ? or.terms() : List.of(e));
    }
    return new Or(source(ctx), terms);
  }

  private Expr and(AndExprContext ctx) {
    if (ctx.unary().size() == 1) {
      return unary(ctx.unary(0));
    }
    List<Expr> terms = new ArrayList<>();
    for (UnaryContext term : ctx.unary()) {
      Expr e = unary(term);
      terms.addAll(e instanceof And and ? and.terms() : List.of(e));
    }
    return new And(source(ctx), terms);
  }

  private Expr unary(UnaryContext ctx) {
    if (ctx instanceof NotExprContext not) {
      return new Not(source(ctx), unary(not.unary()));
    }
    return primary(((PrimaryExprContext) ctx).primary());
  }

  private Expr primary(PrimaryContext ctx) {
    if (ctx instanceof ParenExprContext paren) {
      return expr(paren.expr());
    }
    if (ctx instanceof PredicateExprContext p) {
      return predicate(p);
    }
    return new BooleanLiteral(source(ctx), ctx.getStart().getType() == ConditionLexer.TRUE);
  }

  private Expr predicate(PredicateExprContext ctx) {
    Source source = source(ctx);
    Operand left = value(ctx.value());
    if (ctx.predicate() == null) {
      if (left instanceof FieldRef field) {
        return new MacroRef(source, field.path());
      }
      error(
          ctx,
          "a function call is not a condition; compare its result, e.g. ["
              + source.text()
              + " == 'value']");
      return new BooleanLiteral(source, false);
    }
    if (ctx.predicate() instanceof InPredicateContext in) {
      Operator op = in.NOT() == null ? Operator.IN : Operator.NOT_IN;
      return new Comparison(source, left, op, list(in.listValue()));
    }
    if (ctx.predicate() instanceof ComparePredicateContext cmp) {
      return new Comparison(
          source, left, Operators.of(cmp.compareOp().getStart()), operand(cmp.operand()));
    }
    if (ctx.predicate() instanceof ExistsPredicateContext) {
      return new Exists(source, left);
    }
    SearchPredicateContext search = (SearchPredicateContext) ctx.predicate();
    Literal value = searchTerm(search.searchTerm());
    if (search.searchOp() != null) {
      return new Comparison(source, left, Operators.of(search.searchOp().getStart()), value);
    }
    return new Comparison(source, left, Operator.SEARCH, value);
  }

  private Operand value(ValueContext ctx) {
    if (ctx instanceof CallValueContext call) {
      List<Operand> args = new ArrayList<>();
      for (ArgContext arg : call.arg()) {
        args.add(arg.value() != null ? value(arg.value()) : literal(arg.literal().getStart()));
      }
      return new FunctionCall(source(ctx), call.PATH().getText().toLowerCase(Locale.ROOT), args);
    }
    return new FieldRef(source(ctx), ctx.getText());
  }

  private Operand operand(OperandContext ctx) {
    return ctx.value() != null ? value(ctx.value()) : literal(ctx.literal().getStart());
  }

  private Operand list(ListValueContext ctx) {
    if (ctx instanceof ListRefContext ref) {
      return new ListRef(source(ctx), ref.PATH().getText());
    }
    if (ctx instanceof SingleValueContext single) {
      return new ListLiteral(source(ctx), List.of(literal(single.literal().getStart())));
    }
    List<Literal> values = new ArrayList<>();
    ((ListLiteralContext) ctx).literal().forEach(l -> values.add(literal(l.getStart())));
    return new ListLiteral(source(ctx), values);
  }

  private Literal literal(Token token) {
    return literals.of(token, source(token));
  }

  /** Shorthand values: unquoted words are strings, or wildcards when they contain * or ?. */
  private Literal searchTerm(SearchTermContext ctx) {
    Source source = source(ctx);
    List<ConditionParser.SearchAtomContext> atoms = ctx.searchAtom();
    if (ctx.getChildCount() == 1 && atoms.get(0).literal() != null) {
      return literal(ctx.getStart());
    }
    String text = source.text();
    int tokens = ctx.getStop().getTokenIndex() - ctx.getStart().getTokenIndex() + 1;
    if (tokens != ctx.getChildCount()) {
      error(ctx, "unexpected space in search value [" + text + "]; quote it: ['" + text + "']");
    }
    boolean quoted = ctx.getStart().getType() == ConditionLexer.STRING;
    boolean wild = !quoted && (text.contains("*") || text.contains("?"));
    return new Literal(source, wild ? LiteralKind.WILDCARD : LiteralKind.STRING, text);
  }

  private void error(ParserRuleContext ctx, String message) {
    Token t = ctx.getStart();
    diagnostics.add(
        Diagnostic.error("SYNTAX_ERROR", t.getLine(), t.getCharPositionInLine() + 1, message));
  }

  private Source source(ParserRuleContext ctx) {
    Token start = ctx.getStart();
    Token stop = ctx.getStop() == null ? start : ctx.getStop();
    String text = input.getText(Interval.of(start.getStartIndex(), stop.getStopIndex()));
    return new Source(start.getLine(), start.getCharPositionInLine() + 1, text);
  }

  private static Source source(Token token) {
    return new Source(token.getLine(), token.getCharPositionInLine() + 1, token.getText());
  }
}
