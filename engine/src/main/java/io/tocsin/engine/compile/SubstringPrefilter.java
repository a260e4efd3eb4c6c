package io.tocsin.engine.compile;

import io.tocsin.model.Event;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntConsumer;

/**
 * For rule sets Drools cannot hash (substring-heavy): one Aho–Corasick automaton per field over the
 * required literals of every pre-filtered branch. Per event, each field's text is scanned once and
 * only the branches whose literal occurs are handed to Drools (as {@link Hit}s), so cost follows
 * the text length and the hits, not the number of policies. Immutable; callers bring scratch.
 */
public final class SubstringPrefilter {

  private final List<FieldAutomaton> fields;
  private final int branchCount;

  private SubstringPrefilter(List<FieldAutomaton> fields, int branchCount) {
    this.fields = fields;
    this.branchCount = branchCount;
  }

  static SubstringPrefilter build(List<SubstringKey> keysByBranch) {
    Map<String, Map<String, List<Integer>>> byField = new LinkedHashMap<>();
    for (int b = 0; b < keysByBranch.size(); b++) {
      SubstringKey k = keysByBranch.get(b);
      byField
          .computeIfAbsent(k.field(), f -> new LinkedHashMap<>())
          .computeIfAbsent(k.literal(), l -> new ArrayList<>())
          .add(b);
    }
    List<FieldAutomaton> fields = new ArrayList<>();
    byField.forEach(
        (field, literals) -> {
          List<String> patterns = new ArrayList<>(literals.keySet());
          int[][] branches = new int[patterns.size()][];
          for (int i = 0; i < patterns.size(); i++) {
            branches[i] =
                literals.get(patterns.get(i)).stream().mapToInt(Integer::intValue).toArray();
          }
          fields.add(new FieldAutomaton(field, AhoCorasick.build(patterns), branches));
        });
    return new SubstringPrefilter(List.copyOf(fields), keysByBranch.size());
  }

  public int branchCount() {
    return branchCount;
  }

  public boolean isEmpty() {
    return branchCount == 0;
  }

  /** A fresh scratch for {@link #candidates}; one per session, not shared between threads. */
  public Scratch newScratch() {
    return new Scratch(branchCount);
  }

  /** Reports each branch whose literal occurs in the event, once. */
  public void candidates(Event event, Scratch scratch, IntConsumer branch) {
    scratch.epoch++;
    for (FieldAutomaton f : fields) {
      Object value = event.get(f.field);
      if (value instanceof String s) {
        f.scan(s, scratch, branch);
      } else if (value instanceof List<?> list) {
        for (Object element : list) {
          if (element instanceof String s) {
            f.scan(s, scratch, branch);
          }
        }
      }
    }
  }

  /** Per-session dedupe state. */
  public static final class Scratch {
    private final int[] seen;
    private int epoch;

    private Scratch(int branches) {
      this.seen = new int[branches];
    }
  }

  private record FieldAutomaton(String field, AhoCorasick automaton, int[][] branches) {
    void scan(String text, Scratch scratch, IntConsumer out) {
      automaton.scan(
          text,
          pattern -> {
            for (int b : branches[pattern]) {
              if (scratch.seen[b] != scratch.epoch) {
                scratch.seen[b] = scratch.epoch;
                out.accept(b);
              }
            }
          });
    }
  }
}
