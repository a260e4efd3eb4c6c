package io.tocsin.dsl.eval;

import java.util.Arrays;

/**
 * IPv4 and IPv6 text to bytes without any name lookup. IPv4 is strict dotted-quad (no leading
 * zeros), so each IPv4 address has exactly one spelling; IPv6 accepts the usual forms ({@code ::}
 * compression, embedded IPv4 tail, any case) but no zone ids.
 */
public final class Ips {

  private Ips() {}

  /** A network prefix: {@code address} masked to {@code prefix} bits. */
  public record Cidr(byte[] network, int prefix) {

    public boolean contains(byte[] ip) {
      if (ip == null || ip.length != network.length) {
        return false;
      }
      int full = prefix / 8;
      for (int i = 0; i < full; i++) {
        if (ip[i] != network[i]) {
          return false;
        }
      }
      int rest = prefix % 8;
      if (rest == 0) {
        return true;
      }
      int mask = (0xFF << (8 - rest)) & 0xFF;
      return (ip[full] & mask) == (network[full] & mask);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
      return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
      return Arrays.toString(network) + "/" + prefix;
    }
  }

  /** 4 or 16 bytes, or {@code null} when {@code text} is not an IP address. */
  public static byte[] parse(String text) {
    if (text == null || text.isEmpty() || text.length() > 45) {
      return null;
    }
    return text.indexOf(':') >= 0 ? parseV6(text) : parseV4(text);
  }

  /** The CIDR, or {@code null} when {@code text} is not {@code address/prefix}. */
  public static Cidr parseCidr(String text) {
    int slash = text.indexOf('/');
    if (slash < 0 || slash != text.lastIndexOf('/')) {
      return null;
    }
    byte[] address = parse(text.substring(0, slash));
    String bits = text.substring(slash + 1);
    if (address == null
        || bits.isEmpty()
        || bits.length() > 3
        || !bits.chars().allMatch(Character::isDigit)) {
      return null;
    }
    int prefix = Integer.parseInt(bits);
    if (prefix > address.length * 8) {
      return null;
    }
    byte[] network = address.clone();
    for (int bit = prefix; bit < network.length * 8; bit++) {
      network[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
    }
    return new Cidr(network, prefix);
  }

  static byte[] parseV4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      String p = parts[i];
      if (p.isEmpty() || p.length() > 3 || (p.length() > 1 && p.charAt(0) == '0')) {
        return null;
      }
      int value = 0;
      for (int j = 0; j < p.length(); j++) {
        char c = p.charAt(j);
        if (c < '0' || c > '9') {
          return null;
        }
        value = value * 10 + (c - '0');
      }
      if (value > 255) {
        return null;
      }
      out[i] = (byte) value;
    }
    return out;
  }

  static byte[] parseV6(String text) {
    byte[] tail = null;
    String head = text;
    int lastColon = text.lastIndexOf(':');
    if (text.indexOf('.', lastColon) >= 0) {
      tail = parseV4(text.substring(lastColon + 1));
      if (tail == null) {
        return null;
      }
      head = text.substring(0, lastColon + 1) + "0:0"; // placeholder groups for the tail
    }
    int gap = head.indexOf("::");
    if (gap >= 0 && head.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    String[] left = groups(gap >= 0 ? head.substring(0, gap) : head);
    String[] right = gap >= 0 ? groups(head.substring(gap + 2)) : new String[0];
    if (left == null || right == null) {
      return null;
    }
    int count = left.length + right.length;
    if (gap >= 0 ? count > 7 : count != 8) {
      return null;
    }
    byte[] out = new byte[16];
    if (!fill(out, 0, left) || !fill(out, 16 - 2 * right.length, right)) {
      return null;
    }
    if (tail != null) {
      System.arraycopy(tail, 0, out, 12, 4);
    }
    return out;
  }

  private static String[] groups(String s) {
    if (s.isEmpty()) {
      return new String[0];
    }
    String[] parts = s.split(":", -1);
    for (String p : parts) {
      if (p.isEmpty() || p.length() > 4) {
        return null;
      }
    }
    return parts;
  }

  private static boolean fill(byte[] out, int offset, String[] groups) {
    for (int i = 0; i < groups.length; i++) {
      int value = 0;
      for (char c : groups[i].toCharArray()) {
        int digit = Character.digit(c, 16);
        if (digit < 0 || c > 'f') {
          return false;
        }
        value = value * 16 + digit;
      }
      out[offset + 2 * i] = (byte) (value >>> 8);
      out[offset + 2 * i + 1] = (byte) value;
    }
    return true;
  }
}
