package io.tocsin.dsl;

/**
 * Bounds that keep every input cheap to check and evaluate: nothing may overflow the stack, blow up
 * through macros, or take unbounded time.
 */
public final class Limits {

  /** Maximum condition length in characters (64 KiB); longer input is rejected with TOO_LONG. */
  public static final int MAX_LENGTH = 64 * 1024;

  /** Maximum nesting of parentheses, {@code not} and function calls (TOO_DEEP). */
  public static final int MAX_DEPTH = 100;

  /** Maximum number of values in a list literal or a named list (LIST_TOO_LARGE). */
  public static final int MAX_LIST_SIZE = 10_000;

  /** Maximum chain of macros using macros (TOO_DEEP). */
  public static final int MAX_MACRO_NESTING = 16;

  /** Maximum number of tree nodes after macro expansion (TOO_COMPLEX). */
  public static final int MAX_NODES = 100_000;

  /**
   * Maximum size of a {@code matches} pattern once counted repetitions are expanded, on top of its
   * length: {@code ((a{100}){100}){100}} would make re2j build a million-state program (TOO_COMPLEX
   * is reported as INVALID_REGEX at the pattern).
   */
  public static final int MAX_REGEX_EXPANSION = 10_000;

  private Limits() {}
}
