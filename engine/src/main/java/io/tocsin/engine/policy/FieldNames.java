package io.tocsin.engine.policy;

import io.tocsin.model.FieldCatalog;
import java.util.Optional;

/** Checks group-by field names against the catalog, with a did-you-mean. */
final class FieldNames {

  private FieldNames() {}

  static boolean known(String path) {
    return path != null && FieldCatalog.typeOf(path).isPresent();
  }

  /** The closest catalogued field, when it is close enough to be a likely typo. */
  static Optional<String> suggest(String path) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : FieldCatalog.fields().keySet()) {
      int d = distance(path, candidate);
      if (d < bestDistance) {
        bestDistance = d;
        best = candidate;
      }
    }
    return bestDistance <= Math.max(2, path.length() / 4)
        ? Optional.ofNullable(best)
        : Optional.empty();
  }

  private static int distance(String a, String b) {
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
