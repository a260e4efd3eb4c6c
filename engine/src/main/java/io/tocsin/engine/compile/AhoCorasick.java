package io.tocsin.engine.compile;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.TreeMap;
import java.util.function.IntConsumer;

/**
 * An immutable Aho–Corasick automaton over case-folded characters: one pass over a text reports
 * every pattern it contains, in time linear in the text plus the matches, whatever the number of
 * patterns. Characters are folded with {@link Character#toLowerCase(char)}; patterns must already
 * be lower case.
 */
final class AhoCorasick {

  private final char[][] keys;
  private final int[][] targets;
  private final int[] fail;
  private final int[][] outputs;

  /** Dense transitions of the root for ASCII, where most characters of a text are read. */
  private final int[] root = new int[128];

  private AhoCorasick(char[][] keys, int[][] targets, int[] fail, int[][] outputs) {
    this.keys = keys;
    this.targets = targets;
    this.fail = fail;
    this.outputs = outputs;
    for (char c = 0; c < 128; c++) {
      root[c] = Math.max(step(keys, targets, 0, c), 0);
    }
  }

  /** Pattern ids are the indexes into {@code patterns}. */
  static AhoCorasick build(List<String> patterns) {
    List<TreeMap<Character, Integer>> trie = new ArrayList<>();
    List<List<Integer>> out = new ArrayList<>();
    trie.add(new TreeMap<>());
    out.add(new ArrayList<>());
    for (int p = 0; p < patterns.size(); p++) {
      int node = 0;
      for (char c : patterns.get(p).toCharArray()) {
        Integer next = trie.get(node).get(c);
        if (next == null) {
          next = trie.size();
          trie.get(node).put(c, next);
          trie.add(new TreeMap<>());
          out.add(new ArrayList<>());
        }
        node = next;
      }
      out.get(node).add(p);
    }
    int n = trie.size();
    char[][] keys = new char[n][];
    int[][] targets = new int[n][];
    for (int i = 0; i < n; i++) {
      keys[i] = new char[trie.get(i).size()];
      targets[i] = new int[trie.get(i).size()];
      int j = 0;
      for (var e : trie.get(i).entrySet()) {
        keys[i][j] = e.getKey();
        targets[i][j++] = e.getValue();
      }
    }
    int[] fail = new int[n];
    Deque<Integer> queue = new ArrayDeque<>();
    for (int child : targets[0]) {
      queue.add(child);
    }
    while (!queue.isEmpty()) {
      int node = queue.poll();
      for (int j = 0; j < keys[node].length; j++) {
        char c = keys[node][j];
        int child = targets[node][j];
        int f = fail[node];
        while (f != 0 && step(keys, targets, f, c) < 0) {
          f = fail[f];
        }
        int s = step(keys, targets, f, c);
        fail[child] = s >= 0 && s != child ? s : 0;
        out.get(child).addAll(out.get(fail[child]));
        queue.add(child);
      }
    }
    int[][] outputs = new int[n][];
    for (int i = 0; i < n; i++) {
      outputs[i] = out.get(i).stream().mapToInt(Integer::intValue).distinct().toArray();
    }
    return new AhoCorasick(keys, targets, fail, outputs);
  }

  /** Reports the id of every pattern {@code text} contains (ids may repeat). */
  void scan(CharSequence text, IntConsumer found) {
    int node = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      c = c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c < 128 ? c : Character.toLowerCase(c);
      while (node != 0) {
        int next = step(keys, targets, node, c);
        if (next >= 0) {
          node = next;
          break;
        }
        node = fail[node];
      }
      if (node == 0) {
        node = c < 128 ? root[c] : Math.max(step(keys, targets, 0, c), 0);
      }
      int[] out = outputs[node];
      for (int p : out) {
        found.accept(p);
      }
    }
  }

  int states() {
    return keys.length;
  }

  private static int step(char[][] keys, int[][] targets, int node, char c) {
    int j = Arrays.binarySearch(keys[node], c);
    return j >= 0 ? targets[node][j] : -1;
  }
}
