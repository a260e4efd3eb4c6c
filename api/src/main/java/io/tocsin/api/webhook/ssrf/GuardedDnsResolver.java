package io.tocsin.api.webhook.ssrf;

import java.net.InetAddress;
import java.net.UnknownHostException;
import org.apache.hc.client5.http.DnsResolver;

/**
 * The HTTP client's resolver: resolves once, refuses blocked addresses, and hands the client only
 * the addresses it checked, so a DNS answer that changes between check and connect cannot slip in.
 */
public final class GuardedDnsResolver implements DnsResolver {

  private final AddressGuard guard;

  public GuardedDnsResolver(AddressGuard guard) {
    this.guard = guard;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    return guard.resolve(host).toArray(InetAddress[]::new);
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return resolve(host)[0].getCanonicalHostName();
  }
}
