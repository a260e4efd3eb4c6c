package io.tocsin.dsl.analysis;

import io.tocsin.dsl.ast.FieldRef;
import io.tocsin.dsl.ast.FunctionCall;
import io.tocsin.dsl.ast.Operand;
import io.tocsin.dsl.function.FunctionDescriptor;
import io.tocsin.dsl.function.Functions;
import io.tocsin.model.FieldCatalog;
import io.tocsin.model.FieldType;
import java.util.List;
import java.util.Optional;

/** Resolves the left side of a comparison: a catalogued field, or a function over one. */
final class OperandResolver {

  private final Analyzer analyzer;

  OperandResolver(Analyzer analyzer) {
    this.analyzer = analyzer;
  }

  Typed left(Operand operand, String operator) {
    if (operand instanceof FieldRef field) {
      return field(field);
    }
    if (operand instanceof FunctionCall call) {
      return call(call);
    }
    analyzer.problems.error(
        "NOT_A_FIELD",
        operand.source(),
        "left side of ["
            + operator
            + "] must be a field or a function call, not ["
            + operand.source().text()
            + "]");
    return null;
  }

  private Typed field(FieldRef field) {
    Optional<FieldType> type = FieldCatalog.typeOf(field.path());
    if (type.isEmpty()) {
      StringBuilder message = new StringBuilder("unknown field [").append(field.path()).append("]");
      Suggestions.closest(field.path(), FieldCatalog.fields().keySet())
          .ifPresent(s -> message.append(", did you mean [").append(s).append("]?"));
      analyzer.problems.error("UNKNOWN_FIELD", field.source(), message.toString());
      return null;
    }
    analyzer.fields.add(field.path());
    return new Typed(field, type.get());
  }

  private Typed call(FunctionCall call) {
    Typed arg = null;
    boolean argFailed = false;
    for (Operand a : call.args()) {
      Typed t = argument(call, a);
      argFailed |= t == null;
      arg = arg == null ? t : arg;
    }
    Optional<FunctionDescriptor> descriptor = Functions.lookup(call.name());
    if (descriptor.isEmpty()) {
      StringBuilder message =
          new StringBuilder("unknown function [").append(call.name()).append("]");
      Suggestions.closest(call.name(), Functions.all().keySet())
          .ifPresent(s -> message.append(", did you mean [").append(s).append("]?"));
      analyzer.problems.error("UNKNOWN_FUNCTION", call.source(), message.toString());
      return null;
    }
    FunctionDescriptor f = descriptor.get();
    if (call.args().size() != f.params().size()) {
      analyzer.problems.error(
          "WRONG_ARITY",
          call.source(),
          "function ["
              + f.name()
              + "] takes ["
              + f.params().size()
              + "] argument"
              + (f.params().size() == 1 ? "" : "s")
              + ", got ["
              + call.args().size()
              + "]");
      return null;
    }
    if (argFailed) {
      return null;
    }
    if (!f.accepts(0, arg.type())) {
      analyzer.problems.error(
          "TYPE_MISMATCH",
          call.source(),
          "function ["
              + f.name()
              + "] needs a string, but ["
              + arg.operand().source().text()
              + "] is "
              + TypeNames.of(arg.type()));
      return null;
    }
    FunctionCall resolved = new FunctionCall(call.source(), f.name(), List.of(arg.operand()));
    return new Typed(resolved, f.resultType(arg.type()));
  }

  private Typed argument(FunctionCall call, Operand a) {
    if (a instanceof FieldRef || a instanceof FunctionCall) {
      return left(a, call.name());
    }
    analyzer.problems.error(
        "TYPE_MISMATCH",
        a.source(),
        "argument of [" + call.name() + "] must be a field, not [" + a.source().text() + "]");
    return null;
  }
}
