package io.tocsin.rules.sigma;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * The value-transforming modifiers: {@code wide}/{@code utf16le}, {@code utf16be}, {@code utf16}
 * (with a byte-order mark), {@code base64}, {@code base64offset} and {@code windash}, as the Sigma
 * specification and its reference implementation (pySigma) define them.
 */
final class Encodings {

  /** windash replaces each dash or slash that starts a word with these. */
  static final List<String> DASHES = List.of("-", "/", "\u2013", "\u2014", "\u2015");

  /** More windash variants than this and the rule is rejected rather than blown up. */
  static final int MAX_VARIANTS = 625;

  private Encodings() {}

  static byte[] utf16le(String s) {
    return s.getBytes(StandardCharsets.UTF_16LE);
  }

  static byte[] utf16be(String s) {
    return s.getBytes(StandardCharsets.UTF_16BE);
  }

  /** UTF-16 with a little-endian byte-order mark, as pySigma writes it. */
  static byte[] utf16(String s) {
    byte[] body = utf16le(s);
    byte[] out = new byte[body.length + 2];
    out[0] = (byte) 0xFF;
    out[1] = (byte) 0xFE;
    System.arraycopy(body, 0, out, 2, body.length);
    return out;
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  /**
   * The three base64 forms of {@code value} as it appears at any offset inside a longer encoded
   * text: encode with 0, 1 or 2 leading bytes, then cut the characters that depend on neighbours.
   */
  static List<String> base64Offsets(byte[] value) {
    int[] start = {0, 2, 3};
    int[] endCut = {0, 3, 2};
    List<String> out = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      byte[] padded = new byte[value.length + i];
      for (int j = 0; j < i; j++) {
        padded[j] = ' ';
      }
      System.arraycopy(value, 0, padded, i, value.length);
      String encoded = base64(padded);
      int cut = endCut[(value.length + i) % 3];
      int end = encoded.length() - cut;
      if (end > start[i]) {
        out.add(encoded.substring(start[i], end));
      }
    }
    return out;
  }

  /**
   * Every spelling of a command line with Windows' option prefixes ({@code -x}, {@code /x}, ...).
   */
  static List<SigmaString> windash(SigmaString value) {
    List<SigmaString.Builder> variants = new ArrayList<>();
    variants.add(new SigmaString.Builder());
    boolean wordBefore = false;
    List<SigmaString.Part> parts = value.parts();
    for (int pi = 0; pi < parts.size(); pi++) {
      SigmaString.Part p = parts.get(pi);
      if (!(p instanceof SigmaString.Text t)) {
        variants.forEach(b -> b.part(p));
        wordBefore = false;
        continue;
      }
      String s = t.text();
      for (int i = 0; i < s.length(); i++) {
        char c = s.charAt(i);
        boolean dash = c == '-' || c == '/';
        boolean wordAfter = i + 1 < s.length() && isWord(s.charAt(i + 1));
        if (dash && !wordBefore && wordAfter) {
          List<SigmaString.Builder> next = new ArrayList<>();
          for (SigmaString.Builder b : variants) {
            for (String d : DASHES) {
              next.add(copy(b).text(d));
            }
          }
          if (next.size() > MAX_VARIANTS) {
            throw new SigmaRejection(
                "windash on [" + value + "] makes more than " + MAX_VARIANTS + " variants");
          }
          variants = next;
        } else {
          variants.forEach(b -> b.text(String.valueOf(c)));
        }
        wordBefore = isWord(c);
      }
    }
    return variants.stream().map(SigmaString.Builder::build).toList();
  }

  private static SigmaString.Builder copy(SigmaString.Builder b) {
    return new SigmaString.Builder().addAll(b.build().parts());
  }

  private static boolean isWord(char c) {
    return Character.isLetterOrDigit(c) || c == '_';
  }
}
