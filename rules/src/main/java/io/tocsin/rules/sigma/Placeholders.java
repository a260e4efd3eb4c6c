package io.tocsin.rules.sigma;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Values for the {@code expand} modifier's {@code %name%} placeholders (the importing tenant's
 * named lists, or a CLI's placeholder file). Each value is a Sigma string, so it may hold
 * wildcards; a placeholder without values rejects the rule.
 */
final class Placeholders {

  private static final Pattern PLACEHOLDER = Pattern.compile("%([A-Za-z0-9_.\\-]+)%");

  private final Map<String, List<String>> values;

  Placeholders(Map<String, List<String>> values) {
    this.values = Map.copyOf(values);
  }

  List<SigmaString> expand(SigmaString s) {
    List<SigmaString.Builder> out = new ArrayList<>();
    out.add(new SigmaString.Builder());
    for (SigmaString.Part p : s.parts()) {
      if (!(p instanceof SigmaString.Text t)) {
        out.forEach(b -> b.part(p));
        continue;
      }
      Matcher m = PLACEHOLDER.matcher(t.text());
      int at = 0;
      while (m.find()) {
        String before = t.text().substring(at, m.start());
        out.forEach(b -> b.text(before));
        List<String> options = values.get(m.group(1));
        if (options == null || options.isEmpty()) {
          throw new SigmaRejection(
              "placeholder [%" + m.group(1) + "%] has no values (define a list of that name)");
        }
        List<SigmaString.Builder> next = new ArrayList<>();
        for (SigmaString.Builder b : out) {
          for (String o : options) {
            next.add(
                new SigmaString.Builder()
                    .addAll(b.build().parts())
                    .addAll(SigmaString.parse(o).parts()));
          }
        }
        if (next.size() > Encodings.MAX_VARIANTS) {
          throw new SigmaRejection("placeholders of [" + s + "] expand to too many values");
        }
        out = next;
        at = m.end();
      }
      String rest = t.text().substring(at);
      out.forEach(b -> b.text(rest));
    }
    return out.stream().map(SigmaString.Builder::build).toList();
  }
}
