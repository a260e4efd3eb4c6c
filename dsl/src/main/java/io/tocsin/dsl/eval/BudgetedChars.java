package io.tocsin.dsl.eval;

/**
 * A string as a {@link CharSequence} that charges every character read to an {@link EvalBudget}:
 * re2j reads its input through {@code charAt}, so a long regular-expression match on one value can
 * be stopped at its deadline.
 */
final class BudgetedChars implements CharSequence {

  private final String text;
  private final EvalBudget budget;

  BudgetedChars(String text, EvalBudget budget) {
    this.text = text;
    this.budget = budget;
  }

  @Override
  public int length() {
    return text.length();
  }

  @Override
  public char charAt(int index) {
    budget.charge(1);
    return text.charAt(index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.subSequence(start, end);
  }

  @Override
  public String toString() {
    return text;
  }
}
