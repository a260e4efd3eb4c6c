package io.tocsin.agent.collect;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import oshi.software.os.OSProcess;
import oshi.software.os.OperatingSystem;

/**
 * The process table from OSHI. Argument lists are read once per process (cached by pid + start
 * time) and CPU use is computed from the tick delta since the previous call.
 */
public final class OshiProcessSource implements ProcessSource {

  private record Ticks(long cpuMillis, long atNanos) {}

  private record Args(List<String> argv, String commandLine) {}

  private final OperatingSystem os;
  private Map<String, Ticks> ticks = new HashMap<>();
  private Map<String, Args> args = new HashMap<>();

  public OshiProcessSource(OperatingSystem os) {
    this.os = os;
  }

  @Override
  public synchronized List<ProcessInfo> processes() {
    long now = System.nanoTime();
    List<OSProcess> procs = os.getProcesses();
    List<ProcessInfo> out = new ArrayList<>(procs.size());
    Map<String, Ticks> nextTicks = new HashMap<>(procs.size() * 2);
    Map<String, Args> nextArgs = new HashMap<>(procs.size() * 2);
    for (OSProcess p : procs) {
      String key = p.getProcessID() + "@" + p.getStartTime();
      Args a = args.get(key);
      if (a == null) {
        a = new Args(p.getArguments(), p.getCommandLine());
      }
      nextArgs.put(key, a);
      long cpu = p.getKernelTime() + p.getUserTime();
      Ticks prior = ticks.get(key);
      double pct = 0;
      if (prior != null && now > prior.atNanos()) {
        pct = 100.0 * (cpu - prior.cpuMillis()) / ((now - prior.atNanos()) / 1_000_000.0);
      }
      nextTicks.put(key, new Ticks(cpu, now));
      out.add(
          new ProcessInfo(
              p.getProcessID(),
              p.getParentProcessID(),
              p.getName(),
              p.getPath(),
              a.argv(),
              a.commandLine(),
              p.getUser(),
              p.getStartTime(),
              p.getState().name().toLowerCase(java.util.Locale.ROOT),
              Math.max(0, Math.round(pct * 10) / 10.0),
              p.getResidentMemory(),
              p.getThreadCount()));
    }
    ticks = nextTicks;
    args = nextArgs;
    return out;
  }
}
