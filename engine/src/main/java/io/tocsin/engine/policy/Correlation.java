package io.tocsin.engine.policy;

import io.tocsin.dsl.ast.Expr;
import java.time.Duration;
import java.util.List;

/** The validated correlation part of a rule: none, threshold, sequence or absence (DESIGN §5). */
public sealed interface Correlation
    permits Correlation.None, Correlation.Threshold, Correlation.Sequence, Correlation.Absence {

  /** Every match is a detection. */
  record None() implements Correlation {}

  /**
   * {@code count} matches with equal {@code groupBy} values within {@code within}; with {@code
   * distinct} (a field, else null), {@code count} different values of that field.
   */
  record Threshold(int count, Duration within, List<String> groupBy, String distinct)
      implements Correlation {
    public Threshold {
      groupBy = List.copyOf(groupBy);
    }

    public Threshold(int count, Duration within, List<String> groupBy) {
      this(count, within, groupBy, null);
    }
  }

  /**
   * Steps with equal {@code by} values: in event-time order within {@code within} of step one, or
   * (not {@code ordered}) in any order, all within {@code within}.
   */
  record Sequence(List<String> by, Duration within, List<Expr> steps, boolean ordered)
      implements Correlation {
    public Sequence {
      by = List.copyOf(by);
      steps = List.copyOf(steps);
    }

    public Sequence(List<String> by, Duration within, List<Expr> steps) {
      this(by, within, steps, true);
    }
  }

  /** The rule's condition (A) not followed by {@code expect} (B) within {@code within}. */
  record Absence(Expr expect, Duration within, List<String> by) implements Correlation {
    public Absence {
      by = List.copyOf(by);
    }
  }
}
