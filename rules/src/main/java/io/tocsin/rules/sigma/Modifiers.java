package io.tocsin.rules.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The modifiers of one detection key ({@code CommandLine|contains|all}), checked against the
 * specification's list: value transforms in written order, at most one match operator, and flags.
 */
record Modifiers(
    List<String> transforms, String match, boolean all, boolean cased, String regexFlags) {

  static final Set<String> TRANSFORMS =
      Set.of("wide", "utf16le", "utf16be", "utf16", "base64", "base64offset", "windash", "expand");
  static final Set<String> MATCHES =
      Set.of(
          "contains",
          "startswith",
          "endswith",
          "re",
          "cidr",
          "gt",
          "gte",
          "lt",
          "lte",
          "exists",
          "fieldref");
  static final Set<String> REGEX_FLAGS = Set.of("i", "m", "s", "ignorecase", "multiline", "dotall");

  static Modifiers parse(List<String> names) {
    List<String> transforms = new ArrayList<>();
    String match = null;
    boolean all = false;
    boolean cased = false;
    StringBuilder flags = new StringBuilder();
    for (String raw : names) {
      String m = raw.toLowerCase(Locale.ROOT);
      if (TRANSFORMS.contains(m)) {
        transforms.add(m);
      } else if (m.equals("all")) {
        all = true;
      } else if (m.equals("cased")) {
        cased = true;
      } else if (REGEX_FLAGS.contains(m)) {
        char flag = m.charAt(0) == 'd' ? 's' : m.charAt(0);
        if (flags.indexOf(String.valueOf(flag)) < 0) {
          flags.append(flag);
        }
      } else if (MATCHES.contains(m)) {
        if (match != null && !(isFieldref(match, m))) {
          throw new SigmaRejection("modifiers [" + match + "] and [" + m + "] cannot be combined");
        }
        match = combine(match, m);
      } else {
        throw new SigmaRejection("unknown modifier [" + raw + "]");
      }
    }
    if (flags.length() > 0 && !"re".equals(match)) {
      throw new SigmaRejection("regular expression flags [" + flags + "] need the [re] modifier");
    }
    return new Modifiers(List.copyOf(transforms), match, all, cased, flags.toString());
  }

  /** {@code fieldref} combines with contains/startswith/endswith. */
  private static boolean isFieldref(String a, String b) {
    Set<String> text = Set.of("contains", "startswith", "endswith");
    return a.startsWith("fieldref") && text.contains(b) || b.equals("fieldref") && text.contains(a);
  }

  private static String combine(String current, String next) {
    if (current == null) {
      return next;
    }
    String text = current.equals("fieldref") ? next : current;
    return "fieldref+" + text;
  }

  boolean fieldref() {
    return match != null && match.startsWith("fieldref");
  }

  /** contains, startswith, endswith or null, also under fieldref. */
  String textMatch() {
    if (match == null) {
      return null;
    }
    String m = match.startsWith("fieldref+") ? match.substring("fieldref+".length()) : match;
    return Set.of("contains", "startswith", "endswith").contains(m) ? m : null;
  }
}
