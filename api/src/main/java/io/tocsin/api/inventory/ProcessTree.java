package io.tocsin.api.inventory;

import io.tocsin.api.inventory.InventoryResponses.ProcessTreeNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;

/**
 * Builds the seed's process tree ({@code [{"process": {...}, "children": [...]}]}) from one
 * snapshot's rows by {@code ppid}. Roots are processes whose parent is not in the snapshot (pid 1,
 * kernel threads, orphans). Built iteratively; a parent loop (impossible on a sane host, possible
 * in a hand-made snapshot) is broken by promoting an unvisited member to a root, and nodes deeper
 * than {@link #MAX_DEPTH} start a new root so the response stays within JSON nesting limits.
 */
final class ProcessTree {

  static final int MAX_DEPTH = 200;

  private ProcessTree() {}

  static List<ProcessTreeNode> build(List<Document> rows) {
    Map<Long, Document> byPid = new LinkedHashMap<>();
    rows.forEach(r -> byPid.put(((Number) r.get("pid")).longValue(), r));
    Map<Long, List<Long>> children = new HashMap<>();
    List<Long> roots = new ArrayList<>();
    byPid.forEach(
        (pid, row) -> {
          Long ppid = row.get("ppid") instanceof Number n ? n.longValue() : null;
          if (ppid == null || ppid.equals(pid) || !byPid.containsKey(ppid)) {
            roots.add(pid);
          } else {
            children.computeIfAbsent(ppid, k -> new ArrayList<>()).add(pid);
          }
        });
    List<ProcessTreeNode> forest = new ArrayList<>();
    Map<Long, Boolean> visited = new HashMap<>();
    Deque<Long> pendingRoots = new ArrayDeque<>(roots);
    while (true) {
      Long root = pendingRoots.poll();
      if (root == null) {
        root =
            byPid.keySet().stream().filter(p -> !visited.containsKey(p)).findFirst().orElse(null);
        if (root == null) {
          return forest;
        }
      }
      if (visited.containsKey(root)) {
        continue;
      }
      forest.add(expand(root, byPid, children, visited, pendingRoots));
    }
  }

  private record Frame(long pid, int depth, List<ProcessTreeNode> into) {}

  private static ProcessTreeNode expand(
      long root,
      Map<Long, Document> byPid,
      Map<Long, List<Long>> children,
      Map<Long, Boolean> visited,
      Deque<Long> pendingRoots) {
    List<ProcessTreeNode> holder = new ArrayList<>(1);
    Deque<Frame> stack = new ArrayDeque<>();
    stack.push(new Frame(root, 0, holder));
    while (!stack.isEmpty()) {
      Frame f = stack.pop();
      if (visited.putIfAbsent(f.pid(), true) != null) {
        continue;
      }
      // Children are added to the node's list as the walk reaches them.
      List<ProcessTreeNode> kids = new ArrayList<>();
      f.into().add(new ProcessTreeNode(InventoryViews.processBrief(byPid.get(f.pid())), kids));
      List<Long> next = children.getOrDefault(f.pid(), List.of());
      for (int i = next.size() - 1; i >= 0; i--) {
        if (f.depth() + 1 >= MAX_DEPTH) {
          pendingRoots.add(next.get(i));
        } else {
          stack.push(new Frame(next.get(i), f.depth() + 1, kids));
        }
      }
    }
    return holder.get(0);
  }
}
