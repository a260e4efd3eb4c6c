package io.tocsin.agent.collect;

import java.util.List;

/** The current connection table. */
public interface ConnectionSource {

  List<ConnectionInfo> connections();
}
