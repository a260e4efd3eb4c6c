package io.tocsin.agent.collect;

import java.util.List;

/** The current process table. */
public interface ProcessSource {

  List<ProcessInfo> processes();
}
