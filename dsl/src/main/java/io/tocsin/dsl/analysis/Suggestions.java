package io.tocsin.dsl.analysis;

import java.util.Collection;
import java.util.Optional;

/** Did-you-mean: the closest candidate by edit distance, if it is close enough to be a typo. */
public final class Suggestions {

  private static final int MAX_COMPARED_LENGTH = 128;

  private Suggestions() {}

  /**
   * The candidate nearest to {@code word}, within a distance of a third of the word's length (at
   * least 1, at most 3); ties go to the earlier candidate.
   */
  public static Optional<String> closest(String word, Collection<String> candidates) {
    if (word.isEmpty() || word.length() > MAX_COMPARED_LENGTH) {
      return Optional.empty();
    }
    int limit = Math.max(1, Math.min(3, word.length() / 3));
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      if (candidate.equals(word) || Math.abs(candidate.length() - word.length()) > limit) {
        continue;
      }
      int d = distance(word, candidate);
      if (d <= limit && d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return Optional.ofNullable(best);
  }

  /** Optimal string alignment distance (Levenshtein plus adjacent transpositions). */
  static int distance(String a, String b) {
    int[][] d = new int[a.length() + 1][b.length() + 1];
    for (int i = 0; i <= a.length(); i++) {
      d[i][0] = i;
    }
    for (int j = 0; j <= b.length(); j++) {
      d[0][j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
        }
      }
    }
    return d[a.length()][b.length()];
  }
}
