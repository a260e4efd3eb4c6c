package io.tocsin.api.webhook.ssrf;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Decides which receiver addresses are allowed. Refused unless {@code allowPrivate}: loopback,
 * link-local, private (10/8, 172.16/12, 192.168/16, fc00::/7, fec0::/10), carrier-grade NAT
 * (100.64/10), unspecified and "this network" (0/8). Always refused: multicast, broadcast and the
 * cloud metadata addresses (169.254.169.254, fd00:ec2::254), which no receiver legitimately uses.
 */
public final class AddressGuard {

  /** Resolves a host name; replaceable in tests. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  private final boolean allowPrivate;
  private final Resolver resolver;

  public AddressGuard(boolean allowPrivate) {
    this(allowPrivate, InetAddress::getAllByName);
  }

  public AddressGuard(boolean allowPrivate, Resolver resolver) {
    this.allowPrivate = allowPrivate;
    this.resolver = resolver;
  }

  /** Why {@code address} is refused, or empty when it is allowed. */
  public Optional<String> refusal(InetAddress address) {
    String always = alwaysRefused(address);
    if (always != null) {
      return Optional.of(always);
    }
    return allowPrivate ? Optional.empty() : Optional.ofNullable(privateKind(address));
  }

  /** Every address of {@code host}, all allowed; throws if any of them is refused. */
  public List<InetAddress> resolve(String host) throws UnknownHostException {
    InetAddress[] all = resolver.resolve(host);
    for (InetAddress address : all) {
      Optional<String> why = refusal(address);
      if (why.isPresent()) {
        throw new BlockedAddressException(
            "host ["
                + host
                + "] resolves to "
                + address.getHostAddress()
                + ", a "
                + why.get()
                + " address"
                + (allowPrivate ? "" : " (TOCSIN_WEBHOOK_ALLOW_PRIVATE=true allows private ones)"));
      }
    }
    return List.of(all);
  }

  /** Checks a receiver URL: http or https, a host, and only allowed addresses. */
  public void checkUrl(String url) throws UnknownHostException {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("url is not a valid URI: " + e.getMessage());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https")) {
      throw new IllegalArgumentException("url must be http or https, got [" + url + "]");
    }
    if (uri.getHost() == null || uri.getHost().isBlank()) {
      throw new IllegalArgumentException("url has no host: [" + url + "]");
    }
    if (uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException("url must not carry credentials; use the secret instead");
    }
    String host = uri.getHost();
    resolve(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
  }

  private static String alwaysRefused(InetAddress a) {
    byte[] b = a.getAddress();
    if (a.isMulticastAddress()) {
      return "multicast";
    }
    if (a instanceof Inet4Address) {
      if ((b[0] & 0xff) == 169
          && (b[1] & 0xff) == 254
          && (b[2] & 0xff) == 169
          && (b[3] & 0xff) == 254) {
        return "cloud metadata";
      }
      if ((b[0] & 0xff) == 255
          && (b[1] & 0xff) == 255
          && (b[2] & 0xff) == 255
          && (b[3] & 0xff) == 255) {
        return "broadcast";
      }
      return null;
    }
    byte[] ec2 = {(byte) 0xfd, 0, 0x0e, (byte) 0xc2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54};
    if (java.util.Arrays.equals(b, ec2)) {
      return "cloud metadata";
    }
    InetAddress embedded = embeddedIpv4(b);
    return embedded == null ? null : alwaysRefused(embedded);
  }

  private static String privateKind(InetAddress a) {
    if (a.isAnyLocalAddress()) {
      return "unspecified";
    }
    if (a.isLoopbackAddress()) {
      return "loopback";
    }
    if (a.isLinkLocalAddress()) {
      return "link-local";
    }
    if (a.isSiteLocalAddress()) {
      return "private";
    }
    byte[] b = a.getAddress();
    if (a instanceof Inet4Address) {
      int first = b[0] & 0xff;
      int second = b[1] & 0xff;
      if (first == 0) {
        return "unspecified";
      }
      if (first == 100 && second >= 64 && second <= 127) {
        return "carrier-grade NAT";
      }
      if (first == 198 && (second == 18 || second == 19)) {
        return "benchmarking (private)";
      }
      return null;
    }
    if ((b[0] & 0xfe) == 0xfc) {
      return "unique-local (private)";
    }
    InetAddress embedded = embeddedIpv4(b);
    return embedded == null ? null : privateKind(embedded);
  }

  /** The IPv4 address inside an IPv4-compatible (::a.b.c.d) or NAT64 (64:ff9b::/96) address. */
  private static InetAddress embeddedIpv4(byte[] b) {
    if (b.length != 16) {
      return null;
    }
    boolean compatible = true;
    for (int i = 0; i < 12; i++) {
      compatible &= b[i] == 0;
    }
    boolean nat64 = b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b;
    for (int i = 4; nat64 && i < 12; i++) {
      nat64 = b[i] == 0;
    }
    if (!compatible && !nat64) {
      return null;
    }
    try {
      return Inet4Address.getByAddress(java.util.Arrays.copyOfRange(b, 12, 16));
    } catch (UnknownHostException e) {
      throw new IllegalStateException(e);
    }
  }
}
