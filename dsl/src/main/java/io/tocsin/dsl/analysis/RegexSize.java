package io.tocsin.dsl.analysis;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Estimates how many atoms a regular expression expands to once counted repetitions ({@code
 * x{n,m}}) are unrolled, which is what re2j compiles; re2j itself sets no bound on the program
 * size. The estimate is coarse (classes and escapes count as one atom) but never too small for
 * nested repetitions, which are what blows up.
 */
public final class RegexSize {

  private RegexSize() {}

  /** The estimate, saturating just above {@code limit}. */
  public static long estimate(String re, long limit) {
    Deque<long[]> groups = new ArrayDeque<>();
    long sum = 0;
    long last = 0;
    for (int i = 0; i < re.length() && sum <= limit; i++) {
      char c = re.charAt(i);
      if (c == '\\') {
        i++;
        sum++;
        last = 1;
      } else if (c == '[') {
        i = classEnd(re, i);
        sum++;
        last = 1;
      } else if (c == '(') {
        groups.push(new long[] {sum, last});
        sum = 0;
        last = 0;
      } else if (c == ')' && !groups.isEmpty()) {
        long group = sum;
        sum = groups.pop()[0] + group;
        last = group;
      } else if (c == '{' && repeatEnd(re, i) > 0) {
        int end = repeatEnd(re, i);
        long count = maxCount(re.substring(i + 1, end));
        long expanded = Math.min(limit + 1, last * count);
        sum = Math.min(limit + 1, sum - last + expanded);
        last = expanded;
        i = end;
      } else if ("*+?|^$".indexOf(c) < 0) {
        sum++;
        last = 1;
      }
    }
    while (!groups.isEmpty()) {
      sum += groups.pop()[0];
    }
    return Math.min(sum, limit + 1);
  }

  private static int classEnd(String re, int open) {
    int i = open + 1;
    if (i < re.length() && re.charAt(i) == '^') {
      i++;
    }
    if (i < re.length() && re.charAt(i) == ']') {
      i++;
    }
    for (; i < re.length(); i++) {
      if (re.charAt(i) == '\\') {
        i++;
      } else if (re.charAt(i) == ']') {
        return i;
      }
    }
    return re.length();
  }

  /** Index of the closing brace of a {@code {n}}, {@code {n,}} or {@code {n,m}}, or -1. */
  private static int repeatEnd(String re, int open) {
    int close = re.indexOf('}', open);
    if (close < 0 || close - open > 12) {
      return -1;
    }
    return re.substring(open + 1, close).matches("[0-9]+(,[0-9]*)?") ? close : -1;
  }

  private static long maxCount(String counts) {
    String[] parts = counts.split(",", -1);
    String max = parts.length == 2 && !parts[1].isEmpty() ? parts[1] : parts[0];
    return Math.max(1, Long.parseLong(max));
  }
}
