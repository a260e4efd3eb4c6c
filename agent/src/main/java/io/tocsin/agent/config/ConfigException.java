package io.tocsin.agent.config;

import java.util.List;

/** Invalid configuration; the message lists every problem found, one per line. */
public final class ConfigException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public ConfigException(List<String> problems) {
    super(
        "Found "
            + problems.size()
            + (problems.size() == 1 ? " configuration problem" : " configuration problems")
            + "\n"
            + String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  public List<String> problems() {
    return problems;
  }
}
