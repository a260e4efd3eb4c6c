package io.tocsin.agent.collect;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Linux process table read straight from {@code /proc}, built for a 5 s scan budget: each scan
 * reads only {@code /proc/<pid>/stat}; the command line, executable and owner are read once per new
 * process (cached by pid + start time). OSHI's general {@code getProcesses()} reads several files
 * per process per call and costs ~100x more on a 300-process host.
 */
public final class ProcfsProcessSource implements ProcessSource {

  private record Static(String exe, List<String> argv, String commandLine, String user) {}

  private record Ticks(long cpuTicks, long atNanos) {}

  private final Path proc;
  private final long hz;
  private final long pageSize;
  private final long bootMillis;
  private final Users users;
  private Map<String, Static> statics = new HashMap<>();
  private Map<String, Ticks> ticks = new HashMap<>();

  /** Reads {@code /proc} with the kernel's clock tick and page size. */
  public static ProcfsProcessSource system() throws IOException {
    return new ProcfsProcessSource(
        Path.of("/proc"),
        LibC.sysconf(LibC.SC_CLK_TCK).longValue(),
        LibC.sysconf(LibC.SC_PAGESIZE).longValue(),
        Path.of("/etc/passwd"));
  }

  ProcfsProcessSource(Path proc, long hz, long pageSize, Path passwd) throws IOException {
    this.proc = proc;
    this.hz = hz > 0 ? hz : 100;
    this.pageSize = pageSize > 0 ? pageSize : 4096;
    this.bootMillis = bootTime(proc) * 1000;
    this.users = new Users(passwd);
  }

  private static long bootTime(Path proc) throws IOException {
    for (String line : Files.readAllLines(proc.resolve("stat"))) {
      if (line.startsWith("btime ")) {
        return Long.parseLong(line.substring(6).trim());
      }
    }
    throw new IOException("no btime in " + proc.resolve("stat"));
  }

  @Override
  public synchronized List<ProcessInfo> processes() {
    long now = System.nanoTime();
    List<ProcessInfo> out = new ArrayList<>(statics.size() + 16);
    Map<String, Static> nextStatics = new HashMap<>(statics.size() * 2 + 16);
    Map<String, Ticks> nextTicks = new HashMap<>(statics.size() * 2 + 16);
    try (DirectoryStream<Path> dirs = Files.newDirectoryStream(proc, ProcfsProcessSource::isPid)) {
      for (Path dir : dirs) {
        ProcessInfo p = read(dir, now, nextStatics, nextTicks);
        if (p != null) {
          out.add(p);
        }
      }
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    statics = nextStatics;
    ticks = nextTicks;
    return out;
  }

  private static boolean isPid(Path p) {
    String name = p.getFileName().toString();
    return !name.isEmpty() && Character.isDigit(name.charAt(0));
  }

  private ProcessInfo read(
      Path dir, long now, Map<String, Static> nextStatics, Map<String, Ticks> nextTicks) {
    String stat = readStat(dir);
    if (stat == null) {
      return null;
    }
    Stat st = Stat.parse(stat, bootMillis, hz, pageSize);
    if (st == null) {
      return null;
    }
    String key = st.pid() + "@" + st.startMillis();
    Static s = statics.get(key);
    if (s == null) {
      s = readStatic(dir, false);
    }
    nextStatics.put(key, s);
    Ticks prior = ticks.get(key);
    double pct = 0;
    if (prior != null && now > prior.atNanos()) {
      double cpuMs = (st.cpuTicks() - prior.cpuTicks()) * 1000.0 / hz;
      pct = Math.round(1000.0 * cpuMs / ((now - prior.atNanos()) / 1_000_000.0)) / 10.0;
    }
    nextTicks.put(key, new Ticks(st.cpuTicks(), now));
    return info(st, s, Math.max(0, pct));
  }

  /**
   * Reads one process right now, command line first (the part that is gone soonest once a
   * short-lived process exits): used at exec time by the real-time collector. Null when the process
   * is already gone.
   */
  public ProcessInfo readNow(long pid) {
    Path dir = proc.resolve(Long.toString(pid));
    Static s = readStatic(dir, true);
    String stat = readStat(dir);
    Stat st = stat == null ? null : Stat.parse(stat, bootMillis, hz, pageSize);
    return st == null ? null : info(st, s, 0);
  }

  /** The working directory of a process, or null. */
  public String cwd(long pid) {
    try {
      return Files.readSymbolicLink(proc.resolve(Long.toString(pid)).resolve("cwd")).toString();
    } catch (IOException | UnsupportedOperationException e) {
      return null;
    }
  }

  private static String readStat(Path dir) {
    try {
      return new String(Files.readAllBytes(dir.resolve("stat")), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return null; // exited between listing and reading
    }
  }

  private static ProcessInfo info(Stat st, Static s, double pct) {
    return new ProcessInfo(
        st.pid(),
        st.ppid(),
        name(st.comm(), s.exe()),
        s.exe(),
        s.argv(),
        s.commandLine(),
        s.user(),
        st.startMillis(),
        state(st.state()),
        pct,
        st.rss(),
        st.threads());
  }

  /** The fields of {@code /proc/<pid>/stat} the agent uses. */
  private record Stat(
      long pid,
      String comm,
      String state,
      long ppid,
      long cpuTicks,
      int threads,
      long startMillis,
      long rss) {

    static Stat parse(String stat, long bootMillis, long hz, long pageSize) {
      int open = stat.indexOf('(');
      int close = stat.lastIndexOf(')');
      if (open < 0 || close < open || close + 2 > stat.length()) {
        return null;
      }
      // fields after ")": [0]=state [1]=ppid ... [11]=utime [12]=stime [17]=threads [19]=start
      // [21]=rss
      String[] f = stat.substring(close + 2).split(" ");
      return new Stat(
          Long.parseLong(stat.substring(0, open).trim()),
          stat.substring(open + 1, close),
          f[0],
          Long.parseLong(f[1]),
          Long.parseLong(f[11]) + Long.parseLong(f[12]),
          Integer.parseInt(f[17]),
          bootMillis + Long.parseLong(f[19]) * 1000 / hz,
          Long.parseLong(f[21]) * pageSize);
    }
  }

  /** {@code comm} is cut at 15 characters; the executable's file name is not. */
  private static String name(String comm, String exe) {
    if (comm.length() == 15 && !exe.isEmpty()) {
      String base = exe.substring(exe.lastIndexOf('/') + 1);
      if (base.startsWith(comm)) {
        return base;
      }
    }
    return comm;
  }

  /**
   * @param fresh read right after exec: argv is then NUL-terminated, and one that is not was cut by
   *     the process exiting under the read (kept out rather than reported half)
   */
  private Static readStatic(Path dir, boolean fresh) {
    List<String> argv = List.of();
    try {
      byte[] raw = Files.readAllBytes(dir.resolve("cmdline"));
      String all = new String(raw, StandardCharsets.UTF_8);
      if (fresh && !all.endsWith("\0")) {
        all = "";
      }
      if (all.endsWith("\0")) {
        all = all.substring(0, all.length() - 1);
      }
      argv = all.isEmpty() ? List.of() : Arrays.asList(all.split("\0", -1));
    } catch (IOException e) {
      // exited
    }
    String exe = "";
    try {
      exe = Files.readSymbolicLink(dir.resolve("exe")).toString().replace(" (deleted)", "");
    } catch (IOException | UnsupportedOperationException e) {
      // kernel thread, or not ours to read
    }
    String user = "";
    try {
      for (String line : Files.readAllLines(dir.resolve("status"))) {
        if (line.startsWith("Uid:")) {
          user = users.name(line.substring(4).trim().split("\\s+")[0]);
          break;
        }
      }
    } catch (IOException | RuntimeException e) {
      // exited
    }
    return new Static(exe, argv, String.join(" ", argv), user);
  }

  private static String state(String code) {
    return switch (code) {
      case "R" -> "running";
      case "S" -> "sleeping";
      case "D" -> "disk_sleep";
      case "Z" -> "zombie";
      case "T", "t" -> "stopped";
      case "I" -> "idle";
      default -> code;
    };
  }

  /** uid to user name from the passwd file, re-read when an unknown uid shows up. */
  private static final class Users {
    private final Path passwd;
    private volatile Map<String, String> names = Map.of();
    private volatile long loadedAt;

    Users(Path passwd) {
      this.passwd = passwd;
      load();
    }

    synchronized String name(String uid) {
      String n = names.get(uid);
      if (n == null && System.nanoTime() - loadedAt > 60_000_000_000L) {
        load();
        n = names.get(uid);
      }
      return n == null ? uid : n;
    }

    private void load() {
      Map<String, String> m = new HashMap<>();
      try {
        for (String line : Files.readAllLines(passwd)) {
          String[] parts = line.split(":");
          if (parts.length > 2) {
            m.putIfAbsent(parts[2], parts[0]);
          }
        }
      } catch (IOException e) {
        // no passwd file: numeric uids
      }
      names = m;
      loadedAt = System.nanoTime();
    }
  }
}
