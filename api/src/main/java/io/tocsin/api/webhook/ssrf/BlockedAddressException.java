package io.tocsin.api.webhook.ssrf;

import java.net.UnknownHostException;

/**
 * A host resolved to an address the guard refuses. An {@link UnknownHostException} so it passes
 * through DNS resolver signatures; senders treat it as a permanent failure.
 */
public class BlockedAddressException extends UnknownHostException {

  private static final long serialVersionUID = 1L;

  public BlockedAddressException(String message) {
    super(message);
  }
}
