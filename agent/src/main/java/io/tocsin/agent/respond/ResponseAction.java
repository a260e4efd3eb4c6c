package io.tocsin.agent.respond;

/** Executes one kind of command. Implementations never throw: failures are a failed result. */
public interface ResponseAction {

  /** The command type this action handles, e.g. {@code kill_process}. */
  String type();

  CommandResult execute(Command command);
}
