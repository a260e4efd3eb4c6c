package io.tocsin.dsl.eval;

import java.util.ArrayList;
import java.util.List;

/**
 * A glob compiled to a small NFA and run by state-set simulation, never by backtracking: matching a
 * value of {@code n} code points costs at most {@code n × (k + 1)} state visits for a glob of
 * {@code k} tokens, however many {@code *} it has. Semantics are exactly those of {@link
 * Regexes#glob}: {@code *} within a segment, {@code **} across segments, {@code /**}{@code /} also
 * a single {@code /}, {@code ?} one code point other than {@code /}, backslash escapes.
 */
public final class GlobMatcher {

  private static final int LITERAL = 0;
  private static final int ONE = 1; // ?
  private static final int STAR = 2; // *
  private static final int ANY = 3; // **
  private static final int DIRS_ENTRY = 4; // /**/ after its first '/': "" or anything ending in '/'
  private static final int DIRS_INSIDE = 5;

  private final int[] kinds;
  private final int[] chars;

  private GlobMatcher(int[] kinds, int[] chars) {
    this.kinds = kinds;
    this.chars = chars;
  }

  /** Compiles a glob; linear in its length. */
  public static GlobMatcher compile(String glob) {
    List<int[]> tokens = new ArrayList<>();
    int[] cps = glob.codePoints().toArray();
    for (int i = 0; i < cps.length; i++) {
      int c = cps[i];
      if (c == '\\' && i + 1 < cps.length) {
        tokens.add(new int[] {LITERAL, cps[++i]});
      } else if (c == '*') {
        int stars = 1;
        while (i + 1 < cps.length && cps[i + 1] == '*') {
          stars++;
          i++;
        }
        if (stars == 1) {
          tokens.add(new int[] {STAR, 0});
        } else if (i + 1 < cps.length
            && cps[i + 1] == '/'
            && (i - stars < 0 || cps[i - stars] == '/')) {
          tokens.add(new int[] {DIRS_ENTRY, 0});
          tokens.add(new int[] {DIRS_INSIDE, 0});
          i++;
        } else {
          tokens.add(new int[] {ANY, 0});
        }
      } else if (c == '?') {
        tokens.add(new int[] {ONE, 0});
      } else {
        tokens.add(new int[] {LITERAL, c});
      }
    }
    int[] kinds = new int[tokens.size()];
    int[] chars = new int[tokens.size()];
    for (int i = 0; i < kinds.length; i++) {
      kinds[i] = tokens.get(i)[0];
      chars[i] = tokens.get(i)[1];
    }
    return new GlobMatcher(kinds, chars);
  }

  /** Whether the whole value matches. */
  public boolean matches(String value) {
    return run(value, EvalBudget.current()) >= 0;
  }

  /**
   * The number of state visits matching {@code value} took (the cost measure of the complexity
   * guarantee), negated minus one when it does not match.
   */
  public long cost(String value) {
    long r = run(value, null);
    return r >= 0 ? r : -r - 1;
  }

  /** Number of NFA states (tokens, plus one accepting state). */
  public int size() {
    return kinds.length + 1;
  }

  private long run(String value, EvalBudget budget) {
    int accept = kinds.length;
    int[] current = new int[accept + 1];
    int[] next = new int[accept + 1];
    int[] mark = new int[accept + 1];
    int generation = 1;
    int count = add(current, 0, 0, mark, generation);
    long steps = count;
    for (int pos = 0; pos < value.length() && count > 0; ) {
      int c = value.codePointAt(pos);
      pos += Character.charCount(c);
      generation++;
      int nextCount = 0;
      for (int i = 0; i < count; i++) {
        int s = current[i];
        if (s == accept) {
          continue;
        }
        switch (kinds[s]) {
          case LITERAL -> {
            if (chars[s] == c) {
              nextCount = add(next, nextCount, s + 1, mark, generation);
            }
          }
          case ONE -> {
            if (c != '/') {
              nextCount = add(next, nextCount, s + 1, mark, generation);
            }
          }
          case STAR -> {
            if (c != '/') {
              nextCount = add(next, nextCount, s, mark, generation);
            }
          }
          case ANY -> nextCount = add(next, nextCount, s, mark, generation);
          default -> { // DIRS_ENTRY at s, DIRS_INSIDE at s (entry + 1) or s - 1 + 1
            int inside = kinds[s] == DIRS_ENTRY ? s + 1 : s;
            nextCount = add(next, nextCount, inside, mark, generation);
            if (c == '/') {
              nextCount = add(next, nextCount, inside + 1, mark, generation);
            }
          }
        }
      }
      steps += count;
      if (budget != null) {
        budget.charge(count);
      }
      int[] swap = current;
      current = next;
      next = swap;
      count = nextCount;
    }
    boolean matched = false;
    for (int i = 0; i < count; i++) {
      matched |= current[i] == accept;
    }
    return matched ? steps : -steps - 1;
  }

  /** Adds a state and everything reachable from it without input (edges only go forward). */
  private int add(int[] set, int count, int state, int[] mark, int generation) {
    int s = state;
    int n = count;
    while (s <= kinds.length && mark[s] != generation) {
      mark[s] = generation;
      set[n++] = s;
      if (s == kinds.length) {
        break;
      }
      int kind = kinds[s];
      if (kind == STAR || kind == ANY) {
        s++;
      } else if (kind == DIRS_ENTRY) {
        s += 2;
      } else {
        break;
      }
    }
    return n;
  }
}
