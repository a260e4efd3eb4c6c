package io.tocsin.agent.collect;

import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Linux connections from {@code /proc/net/{tcp,tcp6,udp,udp6}}. Finding a socket's owner means
 * reading every process's {@code fd} links (~200 ms on a 300-process host), so owners are cached by
 * socket inode, new processes are searched first, and a full search runs at most once per {@code
 * fullScanEvery}; an owner not found is reported as -1.
 */
public final class ProcNetConnectionSource implements ConnectionSource {

  private static final String[] TCP_STATES = {
    "",
    "established",
    "syn_sent",
    "syn_recv",
    "fin_wait_1",
    "fin_wait_2",
    "time_wait",
    "closed",
    "close_wait",
    "last_ack",
    "listen",
    "closing"
  };

  private record Raw(
      String protocol,
      String local,
      int lport,
      String remote,
      int rport,
      String state,
      long inode) {}

  private final Path proc;
  private final long fullScanEveryNanos;
  private Map<Long, Long> owners = new HashMap<>();
  private Set<Long> knownPids = new HashSet<>();
  private long lastFullScan = Long.MIN_VALUE / 2;

  public ProcNetConnectionSource(Path proc, java.time.Duration fullScanEvery) {
    this.proc = proc;
    this.fullScanEveryNanos = fullScanEvery.toNanos();
  }

  @Override
  public synchronized List<ConnectionInfo> connections() {
    List<Raw> raws = new ArrayList<>();
    for (String proto : List.of("tcp", "tcp6", "udp", "udp6")) {
      read(proto, raws);
    }
    Set<Long> unknown = new HashSet<>();
    Set<Long> live = new HashSet<>();
    for (Raw r : raws) {
      live.add(r.inode());
      if (r.inode() != 0 && !owners.containsKey(r.inode()) && reportable(r)) {
        unknown.add(r.inode());
      }
    }
    owners.keySet().retainAll(live);
    Set<Long> pids = pids();
    if (!unknown.isEmpty()) {
      Set<Long> fresh = new HashSet<>(pids);
      fresh.removeAll(knownPids);
      scanFds(fresh, unknown);
      if (!unknown.isEmpty() && System.nanoTime() - lastFullScan >= fullScanEveryNanos) {
        lastFullScan = System.nanoTime();
        scanFds(pids, unknown);
      }
    }
    knownPids = pids;
    List<ConnectionInfo> out = new ArrayList<>(raws.size());
    for (Raw r : raws) {
      out.add(
          new ConnectionInfo(
              r.protocol(),
              r.local(),
              r.lport(),
              r.remote(),
              r.rport(),
              r.state(),
              owners.getOrDefault(r.inode(), -1L)));
    }
    return out;
  }

  private static boolean reportable(Raw r) {
    return r.state().equals("listen")
        || r.state().equals("established")
        || r.state().equals("syn_sent");
  }

  private void read(String proto, List<Raw> out) {
    List<String> lines;
    try {
      lines = Files.readAllLines(proc.resolve("net").resolve(proto));
    } catch (IOException e) {
      return; // e.g. IPv6 disabled
    }
    boolean tcp = proto.startsWith("tcp");
    String family = proto.endsWith("6") ? "6" : "4";
    for (int i = 1; i < lines.size(); i++) {
      String[] f = lines.get(i).trim().split("\\s+");
      if (f.length < 10) {
        continue;
      }
      String[] local = f[1].split(":");
      String[] remote = f[2].split(":");
      int st = Integer.parseInt(f[3], 16);
      String state =
          tcp
              ? (st < TCP_STATES.length ? TCP_STATES[st] : "unknown")
              : (st == 1 ? "established" : "none");
      out.add(
          new Raw(
              (tcp ? "tcp" : "udp") + family,
              ip(local[0]),
              Integer.parseInt(local[1], 16),
              ip(remote[0]),
              Integer.parseInt(remote[1], 16),
              state,
              Long.parseLong(f[9])));
    }
  }

  /** Kernel hex address: IPv4 is one little-endian word, IPv6 four of them. */
  static String ip(String hex) {
    byte[] b = new byte[hex.length() / 2];
    for (int word = 0; word < b.length / 4; word++) {
      for (int i = 0; i < 4; i++) {
        int at = word * 8 + (3 - i) * 2;
        b[word * 4 + i] = (byte) Integer.parseInt(hex.substring(at, at + 2), 16);
      }
    }
    try {
      return InetAddress.getByAddress(b).getHostAddress();
    } catch (UnknownHostException e) {
      return "";
    }
  }

  private Set<Long> pids() {
    Set<Long> pids = new HashSet<>();
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc)) {
      for (Path d : dirs) {
        String n = d.getFileName().toString();
        if (!n.isEmpty() && Character.isDigit(n.charAt(0))) {
          pids.add(Long.parseLong(n));
        }
      }
    } catch (IOException e) {
      // leave empty
    }
    return pids;
  }

  /**
   * Reads the fd links of {@code pids}, recording owners of {@code wanted} inodes (removed when
   * found).
   */
  private void scanFds(Set<Long> pids, Set<Long> wanted) {
    for (long pid : pids) {
      if (wanted.isEmpty()) {
        return;
      }
      try (DirectoryStream<Path> fds =
          Files.newDirectoryStream(proc.resolve(Long.toString(pid)).resolve("fd"))) {
        for (Path fd : fds) {
          String link = Files.readSymbolicLink(fd).toString();
          if (link.startsWith("socket:[")) {
            long inode = Long.parseLong(link.substring(8, link.length() - 1));
            owners.putIfAbsent(inode, pid);
            wanted.remove(inode);
          }
        }
      } catch (IOException | RuntimeException e) {
        // exited, or not ours to read
      }
    }
  }
}
