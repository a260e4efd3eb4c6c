package io.tocsin.rules.sigma;

import java.util.ArrayList;
import java.util.List;

/**
 * A Sigma string value after Sigma's escaping rules: literal text with {@code *} (any run) and
 * {@code ?} (one character) wildcards. A backslash escapes {@code *}, {@code ?} and itself; any
 * other backslash is literal ({@code C:\Windows\*} is the folder and a wildcard).
 */
record SigmaString(List<Part> parts) {

  /** Literal text, or a wildcard. */
  sealed interface Part permits Text, Star, One {}

  record Text(String text) implements Part {}

  record Star() implements Part {}

  record One() implements Part {}

  static final Star STAR = new Star();
  static final One ONE = new One();

  SigmaString {
    parts = List.copyOf(parts);
  }

  static SigmaString parse(String raw) {
    Builder b = new Builder();
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (c == '\\' && i + 1 < raw.length() && "*?\\".indexOf(raw.charAt(i + 1)) >= 0) {
        b.text(String.valueOf(raw.charAt(++i)));
      } else if (c == '*') {
        b.part(STAR);
      } else if (c == '?') {
        b.part(ONE);
      } else {
        b.text(String.valueOf(c));
      }
    }
    return b.build();
  }

  /** Plain text, no wildcards. */
  static SigmaString literal(String text) {
    return new Builder().text(text).build();
  }

  boolean hasWildcards() {
    return parts.stream().anyMatch(p -> !(p instanceof Text));
  }

  /** The text of a value without wildcards. */
  String plain() {
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      if (!(p instanceof Text t)) {
        throw new SigmaRejection("wildcards are not allowed here: [" + this + "]");
      }
      out.append(t.text());
    }
    return out.toString();
  }

  SigmaString prepend(Part p) {
    List<Part> out = new ArrayList<>();
    out.add(p);
    out.addAll(parts);
    return new Builder().addAll(out).build();
  }

  SigmaString append(Part p) {
    List<Part> out = new ArrayList<>(parts);
    out.add(p);
    return new Builder().addAll(out).build();
  }

  /** The Tocsin {@code wildcard} operator's syntax: wildcards bare, special characters escaped. */
  String wildcardPattern() {
    StringBuilder out = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Text t) {
        for (char c : t.text().toCharArray()) {
          if (c == '*' || c == '?' || c == '\\') {
            out.append('\\');
          }
          out.append(c);
        }
      } else {
        out.append(p instanceof Star ? '*' : '?');
      }
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return wildcardPattern();
  }

  /** Joins adjacent text and collapses repeated stars. */
  static final class Builder {
    private final List<Part> parts = new ArrayList<>();

    Builder text(String s) {
      if (s.isEmpty()) {
        return this;
      }
      if (!parts.isEmpty() && parts.get(parts.size() - 1) instanceof Text t) {
        parts.set(parts.size() - 1, new Text(t.text() + s));
      } else {
        parts.add(new Text(s));
      }
      return this;
    }

    Builder part(Part p) {
      if (p instanceof Text t) {
        return text(t.text());
      }
      if (p instanceof Star && !parts.isEmpty() && parts.get(parts.size() - 1) instanceof Star) {
        return this;
      }
      parts.add(p);
      return this;
    }

    Builder addAll(List<Part> ps) {
      ps.forEach(this::part);
      return this;
    }

    SigmaString build() {
      return new SigmaString(parts);
    }
  }
}
