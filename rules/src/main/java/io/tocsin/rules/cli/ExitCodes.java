package io.tocsin.rules.cli;

/** The exit codes every command uses (also listed in {@code tocsin --help}). */
final class ExitCodes {

  static final int OK = 0;
  static final int PROBLEMS = 1;
  static final int USAGE = 2;
  static final int SERVER = 3;

  private ExitCodes() {}
}
